using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sente.Go;

// The hot path: placing stones, merging and removing chains, the empty list. Array accesses go through refs
// without bounds checks (indices come from the board's own tables), which roughly doubles playout speed.
public sealed partial class Board
{
    /// <summary>Place without argument checks: the point must be empty and the move not a forbidden suicide.</summary>
    internal int PlaceUnchecked(Stone color, int point, List<int>? removed)
    {
        ref Stone stones = ref MemoryMarshal.GetArrayDataReference(_stones);
        ref int head = ref MemoryMarshal.GetArrayDataReference(_head);
        ref int libCount = ref MemoryMarshal.GetArrayDataReference(_libCount);
        ref int nbr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_g.Neighbors), point * 4);
        int cnt = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_g.NeighborCount), point);

        Unsafe.Add(ref stones, point) = color;
        _hash ^= Zobrist.Key(color, point);
        RemoveEmpty(point);
        Unsafe.Add(ref head, point) = point;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_next), point) = point;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chainSize), point) = 1;
        Unsafe.Add(ref libCount, point) = 0;
        ref ulong libs = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libs), point * _words);
        for (int w = 0; w < _words; w++) Unsafe.Add(ref libs, w) = 0;

        int h = point;
        int cap0 = -1, cap1 = -1, cap2 = -1, cap3 = -1;
        ref byte emptyNbrs = ref MemoryMarshal.GetArrayDataReference(_emptyNeighbors);
        for (int i = 0; i < cnt; i++)
        {
            int n = Unsafe.Add(ref nbr, i);
            Unsafe.Add(ref emptyNbrs, n)--;
            Stone s = Unsafe.Add(ref stones, n);
            if (s == Stone.Empty) SetLib(h, n);
            else if (s == color)
            {
                int hn = Unsafe.Add(ref head, n);
                if (hn != h) h = Merge(h, hn);
            }
            else
            {
                int hn = Unsafe.Add(ref head, n);
                if (ClearLib(hn, point) && Unsafe.Add(ref libCount, hn) == 0)
                {
                    if (cap0 < 0) cap0 = hn; else if (cap1 < 0) cap1 = hn; else if (cap2 < 0) cap2 = hn; else cap3 = hn;
                }
            }
        }
        ClearLib(h, point);

        int captured = 0;
        if (cap0 >= 0)
        {
            captured += RemoveChain(cap0, removed);
            if (cap1 >= 0) captured += RemoveChain(cap1, removed);
            if (cap2 >= 0) captured += RemoveChain(cap2, removed);
            if (cap3 >= 0) captured += RemoveChain(cap3, removed);
        }
        int lc = Unsafe.Add(ref libCount, h);
        if (lc == 0)
        {
            RemoveChain(h, removed); // multi-stone suicide (allowed by the caller)
            _koPoint = -1;
            return captured;
        }
        _koPoint = captured == 1 && lc == 1 && Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chainSize), h) == 1 ? cap0 : -1;
        return captured;
    }

    /// <summary>For playouts: true when <paramref name="color"/> may play on empty <paramref name="point"/> and it is
    /// not the mover's own one-point eye (one pass over the neighbours for both questions; no ko check).</summary>
    internal bool IsPlayoutCandidate(Stone color, int point)
    {
        if (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_emptyNeighbors), point) != 0) return true; // a liberty, not an eye
        ref Stone stones = ref MemoryMarshal.GetArrayDataReference(_stones);
        ref int head = ref MemoryMarshal.GetArrayDataReference(_head);
        ref int libCount = ref MemoryMarshal.GetArrayDataReference(_libCount);
        ref int nbr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_g.Neighbors), point * 4);
        int cnt = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_g.NeighborCount), point);
        bool allOwn = true, breathes = false; // no empty neighbour (else the loop returns at once)
        for (int i = 0; i < cnt; i++)
        {
            int n = Unsafe.Add(ref nbr, i);
            Stone s = Unsafe.Add(ref stones, n);
            if (s == Stone.Empty) return true; // a liberty, and not an eye
            else
            {
                int libs = Unsafe.Add(ref libCount, Unsafe.Add(ref head, n));
                if (s == color) { if (libs > 1) breathes = true; }
                else { allOwn = false; if (libs == 1) breathes = true; }
            }
        }
        if (!allOwn) return breathes;
        // Surrounded by own stones: an eye unless the diagonals make it false.
        Stone opp = (Stone)((byte)color ^ 3);
        ref int dg = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_g.Diagonals), point * 4);
        int dc = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_g.DiagonalCount), point);
        int bad = dc < 4 ? 1 : 0;
        for (int i = 0; i < dc; i++)
            if (Unsafe.Add(ref stones, Unsafe.Add(ref dg, i)) == opp) bad++;
        return bad >= 2 && breathes;
    }

    private int Merge(int a, int b)
    {
        ref int size = ref MemoryMarshal.GetArrayDataReference(_chainSize);
        ref int head = ref MemoryMarshal.GetArrayDataReference(_head);
        ref int next = ref MemoryMarshal.GetArrayDataReference(_next);
        if (Unsafe.Add(ref size, a) < Unsafe.Add(ref size, b)) (a, b) = (b, a);
        int s = b;
        do { Unsafe.Add(ref head, s) = a; s = Unsafe.Add(ref next, s); } while (s != b);
        (Unsafe.Add(ref next, a), Unsafe.Add(ref next, b)) = (Unsafe.Add(ref next, b), Unsafe.Add(ref next, a));
        Unsafe.Add(ref size, a) += Unsafe.Add(ref size, b);
        ref ulong la = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libs), a * _words);
        ref ulong lb = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libs), b * _words);
        int c = 0;
        for (int w = 0; w < _words; w++)
        {
            ulong u = Unsafe.Add(ref la, w) | Unsafe.Add(ref lb, w);
            Unsafe.Add(ref la, w) = u;
            c += BitOperations.PopCount(u);
        }
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libCount), a) = c;
        return a;
    }

    private int RemoveChain(int h, List<int>? removed)
    {
        ref Stone stones = ref MemoryMarshal.GetArrayDataReference(_stones);
        ref int head = ref MemoryMarshal.GetArrayDataReference(_head);
        ref int next = ref MemoryMarshal.GetArrayDataReference(_next);
        ref int nbr0 = ref MemoryMarshal.GetArrayDataReference(_g.Neighbors);
        ref byte cnt0 = ref MemoryMarshal.GetArrayDataReference(_g.NeighborCount);
        ref byte emptyNbrs = ref MemoryMarshal.GetArrayDataReference(_emptyNeighbors);
        Stone color = Unsafe.Add(ref stones, h);
        Stone other = (Stone)((byte)color ^ 3);
        int s = h, count = 0;
        do
        {
            int nx = Unsafe.Add(ref next, s);
            _hash ^= Zobrist.Key(color, s);
            Unsafe.Add(ref stones, s) = Stone.Empty;
            AddEmpty(s);
            removed?.Add(s);
            count++;
            ref int nbr = ref Unsafe.Add(ref nbr0, s * 4);
            int cnt = Unsafe.Add(ref cnt0, s);
            for (int i = 0; i < cnt; i++)
            {
                int n = Unsafe.Add(ref nbr, i);
                Unsafe.Add(ref emptyNbrs, n)++;
                if (Unsafe.Add(ref stones, n) == other) SetLib(Unsafe.Add(ref head, n), s);
            }
            s = nx;
        } while (s != h);
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetLib(int h, int p)
    {
        ref ulong word = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libs), h * _words + (p >> 6));
        ulong bit = 1UL << p;
        if ((word & bit) == 0)
        {
            word |= bit;
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libCount), h)++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ClearLib(int h, int p)
    {
        ref ulong word = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libs), h * _words + (p >> 6));
        ulong bit = 1UL << p;
        if ((word & bit) == 0) return false;
        word &= ~bit;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_libCount), h)--;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RemoveEmpty(int p)
    {
        ref int empty = ref MemoryMarshal.GetArrayDataReference(_empty);
        ref int index = ref MemoryMarshal.GetArrayDataReference(_emptyIndex);
        int i = Unsafe.Add(ref index, p);
        int last = Unsafe.Add(ref empty, --_emptyCount);
        Unsafe.Add(ref empty, i) = last;
        Unsafe.Add(ref index, last) = i;
        Unsafe.Add(ref empty, _emptyCount) = p;
        Unsafe.Add(ref index, p) = _emptyCount;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddEmpty(int p)
    {
        ref int empty = ref MemoryMarshal.GetArrayDataReference(_empty);
        ref int index = ref MemoryMarshal.GetArrayDataReference(_emptyIndex);
        int i = Unsafe.Add(ref index, p);
        int first = Unsafe.Add(ref empty, _emptyCount);
        Unsafe.Add(ref empty, i) = first;
        Unsafe.Add(ref index, first) = i;
        Unsafe.Add(ref empty, _emptyCount) = p;
        Unsafe.Add(ref index, p) = _emptyCount;
        _emptyCount++;
    }

    /// <summary>Swaps two entries of the empty list (playouts sample without replacement this way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void SwapEmpty(int i, int j)
    {
        ref int empty = ref MemoryMarshal.GetArrayDataReference(_empty);
        ref int index = ref MemoryMarshal.GetArrayDataReference(_emptyIndex);
        int a = Unsafe.Add(ref empty, i), b = Unsafe.Add(ref empty, j);
        Unsafe.Add(ref empty, i) = b;
        Unsafe.Add(ref index, b) = i;
        Unsafe.Add(ref empty, j) = a;
        Unsafe.Add(ref index, a) = j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int EmptyAt(int i) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_empty), i);
}
