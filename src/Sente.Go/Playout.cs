using Sente.Core;

namespace Sente.Go;

/// <summary>
/// Fast uniform-random playouts for Monte Carlo evaluation and the `sente bench go` benchmark. Moves are chosen
/// uniformly among empty points that are not the mover's own one-point eye, not suicide and not the simple-ko
/// point; a side with no such move passes; two passes (or the move cap) end the playout.
/// <para>Speed over rules: only SIMPLE ko is checked in the loop (a superko cycle is cut by the move cap), so a
/// playout may differ from a game under positional superko in rare cycles. Nothing is allocated per move.</para>
/// </summary>
public static class Playout
{
    /// <summary>Plays a playout on <paramref name="board"/> (modified in place) with <paramref name="toMove"/> to move
    /// and returns the number of moves played, passes included. <paramref name="koPoint"/>: the point
    /// <paramref name="toMove"/> may not play (simple ko), or -1. <paramref name="maxMoves"/> &lt;= 0 means 3*N*N.</summary>
    public static int Run(Board board, Stone toMove, Rng rng, int koPoint = -1, int maxMoves = 0)
    {
        if (maxMoves <= 0) maxMoves = 3 * board.PointCount;
        Stone color = toMove;
        int ko = koPoint, passes = 0, moves = 0;
        while (passes < 2 && moves < maxMoves)
        {
            int move = -1;
            for (int remaining = board.EmptyCount; remaining > 0; remaining--)
            {
                // Multiply-shift without rejection: bias below remaining / 2^32, irrelevant here and faster.
                int i = (int)(((rng.NextUInt64() >> 32) * (ulong)remaining) >> 32);
                int p = board.EmptyAt(i);
                if (p != ko && board.IsPlayoutCandidate(color, p)) { move = p; break; }
                board.SwapEmpty(i, remaining - 1);
            }
            if (move < 0)
            {
                passes++;
                ko = -1;
            }
            else
            {
                board.PlaceUnchecked(color, move, null);
                ko = board.KoPoint;
                passes = 0;
            }
            color = (Stone)((byte)color ^ 3);
            moves++;
        }
        return moves;
    }

    /// <summary>A playout from <paramref name="state"/> (not modified) scored by Tromp-Taylor area with its komi.</summary>
    public static AreaScore Run(GoState state, Rng rng)
    {
        Board board = state.Board.Clone();
        Run(board, state.ToMove, rng, state.SimpleKoPoint);
        var (black, white) = board.AreaCounts();
        return new AreaScore(black, white, state.Komi);
    }
}
