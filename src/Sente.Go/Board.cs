using System.Numerics;

namespace Sente.Go;

/// <summary>
/// A Go board of any size 2..25: stones, chains and their exact liberty counts kept incrementally, a Zobrist hash of
/// the stones, and the list of empty points. Knows captures and suicide but no history: ko, superko, passes and
/// whose turn it is live in <see cref="GoState"/>. Points are <c>y * Size + x</c> with (0,0) = A1.
/// <para>Representation: every chain is a circular linked list of its stones (<c>_next</c>) with a representative
/// stone (<c>_head</c>); the representative holds the chain's size and its liberties as a bitset of points with a
/// cached population count. Placing a stone merges chains (smaller into larger) and removes captured chains. The
/// board also keeps the empty points as a list and every point's number of empty neighbours (fast playouts).
/// Nothing is allocated per move.</para>
/// Not thread-safe; <see cref="Clone"/> for another thread.
/// </summary>
public sealed partial class Board
{
    private readonly Geometry _g;
    private readonly Stone[] _stones;
    private readonly int[] _head;
    private readonly int[] _next;
    private readonly int[] _chainSize;   // valid at chain heads
    private readonly int[] _libCount;    // valid at chain heads
    private readonly ulong[] _libs;      // _words per point, valid at chain heads
    private readonly int _words;
    private readonly int[] _empty;       // the first _emptyCount entries are the empty points (any order)
    private readonly int[] _emptyIndex;  // position of an empty point in _empty
    private readonly byte[] _emptyNeighbors; // number of empty orthogonal neighbours of every point
    private int _emptyCount;
    private ulong _hash;
    private int _koPoint = -1;

    /// <summary>An empty board of <paramref name="size"/> x <paramref name="size"/> (2..25).</summary>
    public Board(int size)
    {
        _g = Geometry.For(size);
        int n = _g.PointCount;
        _words = (n + 63) >> 6;
        _stones = new Stone[n];
        _head = new int[n];
        _next = new int[n];
        _chainSize = new int[n];
        _libCount = new int[n];
        _libs = new ulong[n * _words];
        _empty = new int[n];
        _emptyIndex = new int[n];
        for (int p = 0; p < n; p++) { _empty[p] = p; _emptyIndex[p] = p; }
        _emptyNeighbors = (byte[])_g.NeighborCount.Clone();
        _emptyCount = n;
    }

    private Board(Board o)
    {
        _g = o._g;
        _words = o._words;
        _stones = (Stone[])o._stones.Clone();
        _head = (int[])o._head.Clone();
        _next = (int[])o._next.Clone();
        _chainSize = (int[])o._chainSize.Clone();
        _libCount = (int[])o._libCount.Clone();
        _libs = (ulong[])o._libs.Clone();
        _empty = (int[])o._empty.Clone();
        _emptyIndex = (int[])o._emptyIndex.Clone();
        _emptyNeighbors = (byte[])o._emptyNeighbors.Clone();
        _emptyCount = o._emptyCount;
        _hash = o._hash;
        _koPoint = o._koPoint;
    }

    /// <summary>Side length.</summary>
    public int Size => _g.Size;

    /// <summary>Number of points, Size*Size.</summary>
    public int PointCount => _g.PointCount;

    /// <summary>The pass move's index, Size*Size.</summary>
    public int Pass => _g.PointCount;

    /// <summary>Zobrist hash of the stones only (not the player to move, not ko).</summary>
    public ulong Hash => _hash;

    /// <summary>The stone on <paramref name="point"/>.</summary>
    public Stone this[int point] => _stones[point];

    /// <summary>The stone at column <paramref name="x"/> (0 = A), row <paramref name="y"/> (0 = bottom row "1").</summary>
    public Stone At(int x, int y) => _stones[y * Size + x];

    /// <summary>All points' stones, indexed by point.</summary>
    public ReadOnlySpan<Stone> Stones => _stones;

    /// <summary>Number of empty points.</summary>
    public int EmptyCount => _emptyCount;

    /// <summary>The empty points, in no particular order (the order changes as stones come and go).</summary>
    public ReadOnlySpan<int> EmptyPoints => new(_empty, 0, _emptyCount);

    /// <summary>After a move that captured exactly one stone with a lone stone now in atari, the captured point
    /// (where an immediate recapture would be a simple ko); otherwise -1. Reset by every <see cref="Place"/>.</summary>
    public int KoPoint => _koPoint;

    /// <summary>Number of empty orthogonal neighbours of <paramref name="point"/> (its own content aside).</summary>
    public int EmptyNeighbors(int point) => _emptyNeighbors[point];

    /// <summary>Liberties of the chain at <paramref name="point"/> (0 for an empty point).</summary>
    public int Liberties(int point) => _stones[point] == Stone.Empty ? 0 : _libCount[_head[point]];

    /// <summary>Stones in the chain at <paramref name="point"/> (0 for an empty point).</summary>
    public int ChainSize(int point) => _stones[point] == Stone.Empty ? 0 : _chainSize[_head[point]];

    /// <summary>A representative stone of the chain at <paramref name="point"/>, equal for all its stones (-1 if empty).</summary>
    public int ChainId(int point) => _stones[point] == Stone.Empty ? -1 : _head[point];

    /// <summary>Appends the stones of the chain at <paramref name="point"/> to <paramref name="into"/> (nothing if empty).</summary>
    public void ChainStones(int point, List<int> into)
    {
        if (_stones[point] == Stone.Empty) return;
        int s = point;
        do { into.Add(s); s = _next[s]; } while (s != point);
    }

    /// <summary>Appends the liberties of the chain at <paramref name="point"/> to <paramref name="into"/>, ascending.</summary>
    public void ChainLiberties(int point, List<int> into)
    {
        if (_stones[point] == Stone.Empty) return;
        int b = _head[point] * _words;
        for (int w = 0; w < _words; w++)
        {
            ulong bits = _libs[b + w];
            while (bits != 0)
            {
                into.Add(w * 64 + BitOperations.TrailingZeroCount(bits));
                bits &= bits - 1;
            }
        }
    }

    /// <summary>The 2..4 on-board orthogonal neighbours of <paramref name="point"/>.</summary>
    public ReadOnlySpan<int> Neighbors(int point) => new(_g.Neighbors, point * 4, _g.NeighborCount[point]);

    /// <summary>The 1..4 on-board diagonal neighbours of <paramref name="point"/>.</summary>
    public ReadOnlySpan<int> Diagonals(int point) => new(_g.Diagonals, point * 4, _g.DiagonalCount[point]);

    /// <summary>A deep copy.</summary>
    public Board Clone() => new(this);

    /// <summary>Makes this board equal to <paramref name="other"/> (same size) without allocating.</summary>
    public void CopyFrom(Board other)
    {
        if (other._g != _g) throw new ArgumentException($"sizes differ ({other.Size} vs {Size})", nameof(other));
        Array.Copy(other._stones, _stones, _stones.Length);
        Array.Copy(other._head, _head, _head.Length);
        Array.Copy(other._next, _next, _next.Length);
        Array.Copy(other._chainSize, _chainSize, _chainSize.Length);
        Array.Copy(other._libCount, _libCount, _libCount.Length);
        Array.Copy(other._libs, _libs, _libs.Length);
        Array.Copy(other._empty, _empty, _empty.Length);
        Array.Copy(other._emptyIndex, _emptyIndex, _emptyIndex.Length);
        Array.Copy(other._emptyNeighbors, _emptyNeighbors, _emptyNeighbors.Length);
        _emptyCount = other._emptyCount;
        _hash = other._hash;
        _koPoint = other._koPoint;
    }

    /// <summary>
    /// Plays a stone of <paramref name="color"/> at <paramref name="point"/> with captures, without any ko check, and
    /// returns the number of opponent stones captured. Suicide (no liberty after captures) throws unless
    /// <paramref name="allowSuicide"/> and the stone joins a chain of its own (multi-stone suicide), which is then removed.
    /// <paramref name="removed"/>, when given, receives every point emptied (captured stones, then suicided ones).
    /// </summary>
    /// <exception cref="InvalidOperationException">The point is occupied, or the move is an illegal suicide.</exception>
    public int Place(Stone color, int point, bool allowSuicide = false, List<int>? removed = null)
    {
        if (color is not (Stone.Black or Stone.White)) throw new ArgumentOutOfRangeException(nameof(color), color, "Black or White");
        if ((uint)point >= (uint)PointCount) throw new ArgumentOutOfRangeException(nameof(point), point, $"not a point of a {Size}x{Size} board");
        if (_stones[point] != Stone.Empty) throw new InvalidOperationException($"{Vertex.ToGtp(point, Size)} is occupied");
        if (IsSuicide(color, point) && !(allowSuicide && HasNeighbor(color, point)))
            throw new InvalidOperationException($"{color} {Vertex.ToGtp(point, Size)} is suicide");
        return PlaceUnchecked(color, point, removed);
    }
}
