namespace Sente.Cli.Composition.Players;

/// <summary>
/// A player spec as written: <c>KIND[:key=value,...]</c> (docs/GTP.md, "Player specs"), e.g. <c>random</c>,
/// <c>mcts:model=best.ckpt,visits=800</c>. The first value may stand alone (<c>net:PATH</c>, <c>policy:PATH</c>,
/// <c>gnugo:10</c>): it is kept as <see cref="Positional"/> and the kind's catalog entry says which key it fills.
/// Parsing checks the grammar only (non-empty kind, key=value parts, no key twice); <see cref="PlayerCatalog"/>
/// checks the kind and its keys. Keys compare ignoring case; values are kept as written. Immutable.
/// </summary>
/// <param name="Kind">The kind, lower case (random, mcts, policy, apv, uct, ...; aliases not yet resolved).</param>
/// <param name="Positional">The unnamed first value, or null.</param>
/// <param name="Settings">key -> value, in the order written.</param>
/// <param name="Text">The spec as written.</param>
public sealed record PlayerSpec(string Kind, string? Positional, IReadOnlyList<KeyValuePair<string, string>> Settings, string Text)
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">Empty kind, a part that is not key=value (but the first), a key given twice;
    /// the message names the player and the part.</exception>
    public static PlayerSpec Parse(string text)
    {
        string trimmed = text.Trim();
        int colon = trimmed.IndexOf(':');
        string kind = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        if (kind.Length == 0) throw new ArgumentException($"player spec '{text}': expected KIND[:key=value,...]");
        string? positional = null;
        var settings = new List<KeyValuePair<string, string>>();
        string[] parts = colon < 0 ? []
            : trimmed[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int eq = part.IndexOf('=');
            if (eq < 0 && i == 0)
            {
                positional = part;
                continue;
            }
            if (eq <= 0) throw new ArgumentException($"player '{kind}': expected key=value, got '{part}'");
            string key = part[..eq].Trim();
            if (settings.Any(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"player '{kind}': '{key}' given twice");
            settings.Add(new(key, part[(eq + 1)..].Trim()));
        }
        return new PlayerSpec(kind, positional, settings, text);
    }
}
