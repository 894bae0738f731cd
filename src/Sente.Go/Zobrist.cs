namespace Sente.Go;

/// <summary>
/// Fixed Zobrist keys (generated once from a constant seed, so hashes are the same in every process):
/// one per (colour, point) for boards up to <see cref="BoardSizes.Max"/>, and one for "White to move". Immutable,
/// thread-safe.
/// </summary>
public static class Zobrist
{
    private static readonly ulong[] Keys = MakeKeys();

    /// <summary>XORed into a position hash when White is to move.</summary>
    public static ulong WhiteToMove { get; } = Keys[^1];

    /// <summary>The key of <paramref name="color"/> (Black or White) on <paramref name="point"/> (any board size: keys
    /// are per point index, so equal hashes compare positions of the same size only).</summary>
    public static ulong Key(Stone color, int point) => Keys[point * 2 + (int)color - 1];

    private static ulong[] MakeKeys()
    {
        var keys = new ulong[BoardSizes.Max * BoardSizes.Max * 2 + 1];
        ulong x = 0x5E47E_60_2026UL;
        for (int i = 0; i < keys.Length; i++)
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            keys[i] = z ^ (z >> 31);
        }
        return keys;
    }
}
