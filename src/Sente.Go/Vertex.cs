namespace Sente.Go;

/// <summary>
/// GTP vertex notation: a column letter A..Z without I (so at most 25 columns) and a row number 1..N counted
/// from the bottom, e.g. "D4"; "pass" is the pass move. Points are <c>y * size + x</c> with (0,0) = A1, and
/// the pass point is <c>size * size</c>.
/// </summary>
public static class Vertex
{
    /// <summary>Column letters in order (I is skipped by GTP).</summary>
    public const string Columns = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    /// <summary>The GTP text of <paramref name="point"/> on a board of <paramref name="size"/>: "D4" or "pass".</summary>
    public static string ToGtp(int point, int size)
    {
        if (point == size * size) return "pass";
        if ((uint)point > (uint)(size * size)) throw new ArgumentOutOfRangeException(nameof(point), point, $"not a point of a {size}x{size} board");
        return Columns[point % size] + (point / size + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Parses "D4", "d4", "pass" (case-insensitive); false when malformed or off the board.</summary>
    public static bool TryParse(string text, int size, out int point)
    {
        point = -1;
        if (text is null) return false;
        ReadOnlySpan<char> t = text.AsSpan().Trim();
        if (t.Equals("pass", StringComparison.OrdinalIgnoreCase)) { point = size * size; return true; }
        if (t.Length < 2 || t.Length > 3) return false;
        int x = Columns.IndexOf(char.ToUpperInvariant(t[0]));
        if (x < 0 || x >= size) return false;
        int y = 0;
        foreach (char c in t[1..])
        {
            if (c < '0' || c > '9') return false;
            y = y * 10 + (c - '0');
        }
        if (t[1] == '0' || y < 1 || y > size) return false;
        point = (y - 1) * size + x;
        return true;
    }

    /// <summary>Like <see cref="TryParse"/> but throws a <see cref="FormatException"/> naming the text.</summary>
    public static int Parse(string text, int size) =>
        TryParse(text, size, out int point)
            ? point
            : throw new FormatException($"'{text}' is not a vertex of a {size}x{size} board (expected e.g. D4 or pass; columns skip I)");
}
