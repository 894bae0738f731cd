namespace Sente.Core.Encoding;

/// <summary>
/// The 8 symmetries of a square board (the dihedral group), numbered as Leela Zero does: id bit 4 = transpose
/// (swap x and y), then bit 2 = flip x (x -> N-1-x), then bit 1 = flip y; 0 = identity.
/// <see cref="Forward"/> gives, for a point p = y*N + x, the point its content moves to. Planes are transformed with
/// out[Forward[p]] = in[p]; a policy computed on transformed planes maps back with prior[p] = out[Forward[p]]
/// (pass stays pass). Instances are immutable and shared per board size (thread-safe).
/// </summary>
public sealed class Symmetry : IAugmentation
{
    int IAugmentation.Count => Count;

    private static readonly Symmetry?[] Cache = new Symmetry?[26];

    /// <summary>Number of symmetries.</summary>
    public const int Count = 8;

    private readonly int[][] forward;
    private readonly int[][] inverse;

    private Symmetry(int size)
    {
        Size = size;
        forward = new int[Count][];
        inverse = new int[Count][];
        for (int s = 0; s < Count; s++)
        {
            forward[s] = new int[size * size];
            inverse[s] = new int[size * size];
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                {
                    int q = Apply(s, x, y, size);
                    forward[s][y * size + x] = q;
                    inverse[s][q] = y * size + x;
                }
        }
    }

    /// <summary>The board size N.</summary>
    public int Size { get; }

    /// <summary>The shared tables for an N x N board (2 &lt;= N &lt;= 25).</summary>
    public static Symmetry For(int size)
    {
        if (size is < 1 or > 25) throw new ArgumentOutOfRangeException(nameof(size), size, "board size must be 1..25");
        return Volatile.Read(ref Cache[size]) ?? (Cache[size] = new Symmetry(size));
    }

    /// <summary>Leela Zero's vertex mapping for symmetry <paramref name="id"/>: the image of (x, y) as a point index.</summary>
    public static int Apply(int id, int x, int y, int size)
    {
        if ((id & 4) != 0) (x, y) = (y, x);
        if ((id & 2) != 0) x = size - 1 - x;
        if ((id & 1) != 0) y = size - 1 - y;
        return y * size + x;
    }

    /// <summary>Point p's image under symmetry <paramref name="id"/> (pass and out-of-board indices map to themselves).</summary>
    public int Map(int id, int point) => (uint)point < (uint)(Size * Size) ? forward[id][point] : point;

    /// <summary>The forward table of symmetry <paramref name="id"/> (N*N entries). Do not modify.</summary>
    public ReadOnlySpan<int> Forward(int id) => forward[id];

    /// <summary>The id of the inverse symmetry: 0-5 and 7 are their own inverses; 5 (transpose + flip y) and
    /// 6 (transpose + flip x) are rotations by a quarter turn and invert each other.</summary>
    public int InverseId(int id)
    {
        for (int j = 0; j < Count; j++)
            if (Compose(id, j)) return j;
        throw new InvalidOperationException("no inverse symmetry");
    }

    private bool Compose(int a, int b)
    {
        for (int p = 0; p < Size * Size; p++) if (forward[b][forward[a][p]] != p) return false;
        return true;
    }

    /// <summary>Transforms planes (C x N x N, channel-major) into <paramref name="destination"/>: out[c][Forward[p]] = in[c][p].</summary>
    public void TransformPlanes(int id, ReadOnlySpan<float> source, Span<float> destination, int planes)
    {
        int n = Size * Size;
        int[] f = forward[id];
        for (int c = 0; c < planes; c++)
        {
            ReadOnlySpan<float> src = source.Slice(c * n, n);
            Span<float> dst = destination.Slice(c * n, n);
            for (int p = 0; p < n; p++) dst[f[p]] = src[p];
        }
    }

    /// <summary>Maps a policy computed on planes transformed by <paramref name="id"/> back to the original orientation:
    /// result[p] = transformed[Forward[p]] for the N*N points; entries past N*N (pass) are copied unchanged.</summary>
    public void PolicyBack(int id, ReadOnlySpan<float> transformed, Span<float> original)
    {
        int n = Size * Size;
        int[] f = forward[id];
        for (int p = 0; p < n; p++) original[p] = transformed[f[p]];
        for (int i = n; i < transformed.Length && i < original.Length; i++) original[i] = transformed[i];
    }

    /// <summary>Transforms a policy target (e.g. MCTS visit distribution) like the planes, for augmentation:
    /// result[Forward[p]] = policy[p]; pass unchanged.</summary>
    public void TransformPolicy(int id, ReadOnlySpan<float> policy, Span<float> destination)
    {
        int n = Size * Size;
        int[] f = forward[id];
        for (int p = 0; p < n; p++) destination[f[p]] = policy[p];
        for (int i = n; i < policy.Length && i < destination.Length; i++) destination[i] = policy[i];
    }
}
