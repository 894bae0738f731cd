using Sente.Core;
using Sente.Go;

namespace Sente.Lee.Rollout;

// Selection: the cached per-point weights plus selection-time overrides (the simple-ko point excluded, the response
// features of the points around the previous move), sampled through per-row sums.
public sealed partial class IncrementalRollout
{
    /// <summary>Samples a move for <paramref name="color"/> after <paramref name="lastMove"/> (the previous move's
    /// point, or negative / the pass index when none) from exactly the distribution of
    /// <see cref="RolloutPolicy.Evaluate"/> on <see cref="Board"/>; the pass index when there is no candidate.</summary>
    public int Select(Stone color, int lastMove, Rng rng)
    {
        int ci = ColorIndex(color);
        if (Prepare(ci, lastMove) == 0) return n;
        double total = 0;
        for (int r = 0; r < size; r++) total += rows[r];
        double u = rng.NextDouble() * total;
        int basis = ci * n, last = -1;
        for (int r = 0; r < size; r++)
        {
            double rs = rows[r];
            if (u >= rs && last < 0) { u -= rs; continue; }
            int p = r * size, end = p + size;
            for (; p < end; p++)
            {
                double w = overrideStamp[p] == overrideGen ? overrideValue[p] : weight[basis + p];
                if (w <= 0) continue;
                last = p;
                u -= w;
                if (u < 0) return p;
            }
            // Rounding left u just above this row's points: keep scanning the next rows from zero.
            u = 0;
        }
        if (last >= 0) return last;
        // Only reachable when every remaining weight underflowed to 0: fall back to any candidate.
        for (int p = 0; p < n; p++)
            if (candidate[basis + p] && p != board.KoPoint) return p;
        return n;
    }

    /// <summary>The most probable move for <paramref name="color"/> (ties: the first in <see cref="Board.EmptyPoints"/>
    /// order, as <see cref="RolloutPolicy.Evaluate"/> lists candidates); the pass index when there is none.</summary>
    public int MostProbable(Stone color, int lastMove)
    {
        int ci = ColorIndex(color);
        if (Prepare(ci, lastMove) == 0) return n;
        int best = n;
        double bestW = double.NegativeInfinity;
        foreach (int p in board.EmptyPoints)
        {
            if (!candidate[ci * n + p] || p == board.KoPoint) continue;
            double w = overrideStamp[p] == overrideGen ? overrideValue[p] : weight[ci * n + p];
            if (w > bestW) { bestW = w; best = p; }
        }
        return best;
    }

    /// <summary>Writes every point's probability (0 for non-candidates) into <paramref name="into"/> (length at least
    /// Size*Size) and returns the number of candidates.</summary>
    public int Probabilities(Stone color, int lastMove, Span<double> into)
    {
        int ci = ColorIndex(color);
        int count = Prepare(ci, lastMove);
        double total = 0;
        for (int r = 0; r < size; r++) total += rows[r];
        for (int p = 0; p < n; p++)
        {
            double w = overrideStamp[p] == overrideGen ? overrideValue[p] : weight[ci * n + p];
            into[p] = count == 0 ? 0 : w / total;
        }
        return count;
    }

    /// <summary>
    /// Plays a rollout on <see cref="Board"/> with <paramref name="toMove"/> to move until two consecutive passes or
    /// <paramref name="maxMoves"/> moves (&lt;= 0: 3 x Size x Size; only simple ko is checked, so a superko cycle is
    /// cut by the cap). Returns the number of moves played, passes included; <paramref name="record"/>, when given
    /// (long enough for the cap), receives them.
    /// </summary>
    public int Run(Stone toMove, int lastMove, Rng rng, int maxMoves = 0, int[]? record = null)
    {
        if (maxMoves <= 0) maxMoves = 3 * n;
        int moves = 0, passes = 0;
        Stone color = toMove;
        while (passes < 2 && moves < maxMoves)
        {
            int move = Select(color, lastMove, rng);
            if (move == n) passes++;
            else { passes = 0; Play(color, move); }
            if (record is not null) record[moves] = move;
            moves++;
            lastMove = move;
            color = (Stone)((byte)color ^ 3);
        }
        return moves;
    }

    private static int ColorIndex(Stone color) => color switch
    {
        Stone.Black => 0,
        Stone.White => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "Black or White"),
    };

    /// <summary>Fills <see cref="rows"/> with colour <paramref name="ci"/>'s row sums after the overrides (ko point
    /// excluded, response features around the previous move) and returns the number of candidates left.</summary>
    private int Prepare(int ci, int lastMove)
    {
        if (++overrideGen == int.MaxValue) { Array.Clear(overrideStamp); overrideGen = 1; }
        int basis = ci * n;
        Array.Copy(rowSum, ci * size, rows, 0, size);
        int count = candidates[ci];
        int ko = board.KoPoint;
        if (ko >= 0 && candidate[basis + ko])
        {
            overrideStamp[ko] = overrideGen;
            overrideValue[ko] = 0;
            rows[row[ko]] -= weight[basis + ko];
            count--;
        }
        if (count == 0 || lastMove < 0 || lastMove >= n) return count;

        // The 12 diamond points' states relative to the mover, first point in the highest bits (RolloutFeatures.DiamondHash).
        int b = lastMove * 12;
        ulong states = 0;
        for (int i = 0; i < 12; i++)
        {
            int q = diamond[b + i];
            states = (states << 2) | (uint)RelState[ci * 4 + (q < 0 ? 3 : (int)board[q])];
        }
        for (int i = 0; i < 12; i++)
        {
            int q = diamond[b + i];
            if (q < 0 || !candidate[basis + q] || overrideStamp[q] == overrideGen) continue;
            ulong key = (((ulong)i << 24) | states) * 0x9E3779B97F4A7C15UL;
            double w = weight[basis + q] * expResponse * expDiamond[(int)(key >> (64 - RolloutFeatures.DiamondBits))];
            if (i < 8) w *= expNeighbour[RingIndexOfDiamond[i]];
            overrideStamp[q] = overrideGen;
            overrideValue[q] = w;
            rows[row[q]] += w - weight[basis + q];
        }
        return count;
    }

    // Diamond positions 0..7 are the 8-ring; their index in the ring order N, NE, E, SE, S, SW, W, NW.
    private static readonly int[] RingIndexOfDiamond = { 0, 2, 4, 6, 1, 3, 5, 7 };
}
