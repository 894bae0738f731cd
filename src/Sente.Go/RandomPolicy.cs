using Sente.Core;

namespace Sente.Go;

/// <summary>
/// The uniform random player: a move chosen uniformly among the legal moves (full rules of the state, superko
/// included) that do not fill one of the mover's own one-point eyes (<see cref="Board.IsOnePointEye"/>); pass when
/// no such move exists. Used by `sente gtp --player random`, `sente:random` in matches, and tests.
/// </summary>
public static class RandomPolicy
{
    /// <summary>The chosen point, or <see cref="GoState.Pass"/>. Allocation-free; does not change the state.</summary>
    public static int SelectMove(GoState state, Rng rng)
    {
        Board board = state.Board;
        Stone color = state.ToMove;
        ReadOnlySpan<int> empties = board.EmptyPoints;
        Span<int> candidates = stackalloc int[empties.Length];
        empties.CopyTo(candidates);
        // Sampling without replacement: uniform over the acceptable points.
        for (int remaining = candidates.Length; remaining > 0; remaining--)
        {
            int i = rng.NextInt(remaining);
            int p = candidates[i];
            if (!board.IsOnePointEye(color, p) && state.IsLegal(color, p)) return p;
            candidates[i] = candidates[remaining - 1];
        }
        return state.Pass;
    }
}
