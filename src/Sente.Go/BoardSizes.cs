namespace Sente.Go;

/// <summary>The board sizes Sente plays: 2x2 to 25x25 (25 is the largest size SGF's letter coordinates and GTP's
/// vertex letters can name). Every check of a board size, in any layer, uses these.</summary>
public static class BoardSizes
{
    /// <summary>The smallest supported size.</summary>
    public const int Min = 2;

    /// <summary>The largest supported size.</summary>
    public const int Max = 25;

    /// <summary>"2..25", for messages.</summary>
    public const string Range = "2..25";

    /// <summary>True when <paramref name="size"/> is in <see cref="Min"/>..<see cref="Max"/>.</summary>
    public static bool IsSupported(int size) => size is >= Min and <= Max;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="what"/> unless the size is
    /// supported.</summary>
    public static int Require(int size, string what = "board size") => IsSupported(size)
        ? size
        : throw new ArgumentOutOfRangeException(what, size, $"{what} {size}: board sizes are {Range}");
}
