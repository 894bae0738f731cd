using Sente.Core.Games;

namespace Sente.Games;

/// <summary>
/// Exact game values by full-depth negamax with a transposition table keyed by <see cref="IGameState.PositionHash"/>.
/// Practical for games with a small state space (tic-tac-toe: 5478 positions); it is the test oracle for
/// "perfect play". Values are from the point of view of the player to move: +1 win, 0 draw, -1 loss.
/// Not thread-safe (the table is shared); give each thread its own solver.
/// </summary>
public sealed class MinimaxSolver
{
    private readonly Dictionary<ulong, sbyte> _table = new();

    /// <summary>Positions solved so far.</summary>
    public int TableSize => _table.Count;

    /// <summary>The value of <paramref name="state"/> for its player to move (the state is restored on return).</summary>
    public int Value(IGameState state)
    {
        if (state.IsTerminal) return (int)state.Returns(NextPlayer(state));
        if (_table.TryGetValue(state.PositionHash, out sbyte v)) return v;
        int best = -2;
        int me = state.CurrentPlayer;
        var actions = new List<int>();
        state.LegalActions(actions);
        foreach (int a in actions)
        {
            state.Apply(a);
            int child = state.IsTerminal ? (int)state.Returns(me) : (state.CurrentPlayer == me ? Value(state) : -Value(state));
            state.Undo();
            if (child > best) best = child;
            if (best == 1) break;
        }
        _table[state.PositionHash] = (sbyte)best;
        return best;
    }

    /// <summary>The value for the player to move after each legal action, by action (NaN-free: only legal actions).</summary>
    public List<(int Action, int Value)> ActionValues(IGameState state)
    {
        int me = state.CurrentPlayer;
        var actions = new List<int>();
        state.LegalActions(actions);
        var result = new List<(int, int)>(actions.Count);
        foreach (int a in actions)
        {
            state.Apply(a);
            int v = state.IsTerminal ? (int)state.Returns(me) : (state.CurrentPlayer == me ? Value(state) : -Value(state));
            state.Undo();
            result.Add((a, v));
        }
        return result;
    }

    /// <summary>All actions that keep the game-theoretic value (ascending).</summary>
    public List<int> OptimalActions(IGameState state)
    {
        var values = ActionValues(state);
        int best = values.Max(v => v.Value);
        return values.Where(v => v.Value == best).Select(v => v.Action).ToList();
    }

    // Only reached for a terminal root: its value is reported for the side that would move next (turns alternate,
    // player 0 first); callers inside the search handle terminal children directly.
    private static int NextPlayer(IGameState state) => state.MoveNumber & 1;
}
