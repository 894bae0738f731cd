namespace Sente.Go;

/// <summary>The content of a board point. The byte values are stable (they are stored in snapshots).</summary>
public enum Stone : byte
{
    Empty = 0,
    Black = 1,
    White = 2,
}

/// <summary>Helpers on <see cref="Stone"/>.</summary>
public static class StoneExtensions
{
    /// <summary>Black for White and White for Black; Empty stays Empty.</summary>
    public static Stone Opponent(this Stone s) => s == Stone.Empty ? Stone.Empty : (Stone)((byte)s ^ 3);

    /// <summary>'X' for Black, 'O' for White, '.' for Empty (the GTP showboard convention).</summary>
    public static char ToChar(this Stone s) => s switch { Stone.Black => 'X', Stone.White => 'O', _ => '.' };

    /// <summary>"B" or "W" (SGF property name of a move by this colour).</summary>
    public static string ToLetter(this Stone s) => s switch
    {
        Stone.Black => "B",
        Stone.White => "W",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "a move needs a colour"),
    };

    /// <summary>Parses a GTP colour: "b", "black", "w", "white" (case-insensitive).</summary>
    public static bool TryParseColor(string text, out Stone color)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "b": case "black": color = Stone.Black; return true;
            case "w": case "white": color = Stone.White; return true;
            default: color = Stone.Empty; return false;
        }
    }
}
