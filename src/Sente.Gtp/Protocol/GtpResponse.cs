namespace Sente.Gtp.Protocol;

/// <summary>A GTP response: success ("=") or failure ("?") with its text (may span lines; never contains an
/// empty line, which would end the response early).</summary>
public readonly record struct GtpResponse(bool Success, string Text)
{
    public static GtpResponse Ok(string text = "") => new(true, text);
    public static GtpResponse Error(string message) => new(false, message);

    /// <summary>The wire form: "=[id] text" or "?[id] text", followed by the blank line that ends a response.
    /// Empty lines inside the text are dropped and CRs removed so the response cannot end early.</summary>
    public string Format(int? id)
    {
        string text = Sanitize(Text);
        string head = (Success ? "=" : "?") + (id is int i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        return (text.Length == 0 ? head : head + " " + text) + "\n\n";
    }

    // A leading newline is kept (multi-line answers such as showboard start on their own line).
    private static string Sanitize(string text)
    {
        if (text.IndexOf('\r') < 0 && !text.Contains("\n\n") && !text.EndsWith('\n')) return text;
        string[] lines = text.Replace("\r", "").Split('\n');
        string body = string.Join('\n', lines.Where(l => l.Trim().Length > 0));
        return text.StartsWith('\n') ? "\n" + body : body;
    }
}
