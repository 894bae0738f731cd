namespace Sente.Go;

/// <summary>SGF point values: two letters, column then row counted from the TOP, 'a' = 0 (then 'A' = 26 per FF[4]).
/// A pass is the empty value, or "tt" on boards up to 19x19.</summary>
public static class SgfPoint
{
    /// <summary>The SGF value of a point ("" for pass).</summary>
    public static string ToSgf(int point, int size)
    {
        if (point == size * size) return "";
        if ((uint)point > (uint)(size * size)) throw new ArgumentOutOfRangeException(nameof(point), point, $"not a point of a {size}x{size} board");
        int x = point % size, y = point / size;
        return new string([Letter(x), Letter(size - 1 - y)]);
    }

    /// <summary>Parses a move value: a point, or pass ("" or "tt" up to 19x19). False when malformed or off-board.</summary>
    public static bool TryParseMove(string value, int size, out int point)
    {
        point = -1;
        if (value.Length == 0 || (value == "tt" && size <= 19)) { point = size * size; return true; }
        return TryParsePoint(value, size, out point);
    }

    /// <summary>Parses a point value (no pass). False when malformed or off-board.</summary>
    public static bool TryParsePoint(string value, int size, out int point)
    {
        point = -1;
        if (value.Length != 2) return false;
        int x = Index(value[0]), row = Index(value[1]);
        if (x < 0 || row < 0 || x >= size || row >= size) return false;
        point = (size - 1 - row) * size + x;
        return true;
    }

    private static char Letter(int i) => i < 26 ? (char)('a' + i) : (char)('A' + i - 26);

    private static int Index(char c) => c is >= 'a' and <= 'z' ? c - 'a' : c is >= 'A' and <= 'Z' ? c - 'A' + 26 : -1;
}
