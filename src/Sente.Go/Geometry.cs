namespace Sente.Go;

/// <summary>
/// Immutable per-size neighbour and diagonal tables, shared by every board of that size (thread-safe).
/// Neighbours of point p are <c>Neighbors[p*4 .. p*4 + NeighborCount[p])</c>, the same for diagonals.
/// </summary>
internal sealed class Geometry
{
    private static readonly Geometry?[] Cache = new Geometry?[BoardSizes.Max + 1];

    public readonly int Size;
    public readonly int PointCount;
    public readonly int[] Neighbors;
    public readonly byte[] NeighborCount;
    public readonly int[] Diagonals;
    public readonly byte[] DiagonalCount;

    private Geometry(int size)
    {
        Size = size;
        PointCount = size * size;
        Neighbors = new int[PointCount * 4];
        NeighborCount = new byte[PointCount];
        Diagonals = new int[PointCount * 4];
        DiagonalCount = new byte[PointCount];
        for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
        {
            int p = y * size + x;
            int n = 0;
            if (y > 0) Neighbors[p * 4 + n++] = p - size;
            if (x > 0) Neighbors[p * 4 + n++] = p - 1;
            if (x < size - 1) Neighbors[p * 4 + n++] = p + 1;
            if (y < size - 1) Neighbors[p * 4 + n++] = p + size;
            NeighborCount[p] = (byte)n;
            int d = 0;
            if (y > 0 && x > 0) Diagonals[p * 4 + d++] = p - size - 1;
            if (y > 0 && x < size - 1) Diagonals[p * 4 + d++] = p - size + 1;
            if (y < size - 1 && x > 0) Diagonals[p * 4 + d++] = p + size - 1;
            if (y < size - 1 && x < size - 1) Diagonals[p * 4 + d++] = p + size + 1;
            DiagonalCount[p] = (byte)d;
        }
    }

    public static Geometry For(int size)
    {
        BoardSizes.Require(size);
        // Benign race: two threads may build the same immutable table; either result is correct.
        return Volatile.Read(ref Cache[size]) ?? (Cache[size] = new Geometry(size));
    }
}
