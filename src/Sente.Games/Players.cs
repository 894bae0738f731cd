using Sente.Core;
using Sente.Core.Games;

namespace Sente.Games;

/// <summary>Uniformly random legal moves (seeded).</summary>
public sealed class RandomPlayer(ulong seed) : IPlayer
{
    private readonly Rng _rng = new(seed);
    private readonly List<int> _legal = [];

    public string Name => "random";

    public int ChooseAction(IGameState state)
    {
        state.LegalActions(_legal);
        if (_legal.Count == 0) throw new InvalidOperationException("no legal action: the game is over");
        return _legal[_rng.NextInt(_legal.Count)];
    }
}

/// <summary>
/// Perfect play from <see cref="MinimaxSolver"/>: a random (seeded) choice among the value-preserving actions.
/// Only for games small enough to solve (tic-tac-toe).
/// </summary>
public sealed class MinimaxPlayer(ulong seed) : IPlayer
{
    private readonly Rng _rng = new(seed);
    private readonly MinimaxSolver _solver = new();

    public string Name => "minimax";

    public int ChooseAction(IGameState state)
    {
        List<int> best = _solver.OptimalActions(state);
        return best[_rng.NextInt(best.Count)];
    }
}

/// <summary>
/// One-ply lookahead (the classic Connect Four baseline), for any game: plays an immediately winning action if
/// there is one; otherwise avoids actions after which the opponent has an immediate win (which blocks an
/// immediate threat); chooses uniformly (seeded) among what is left, or among all actions if every one loses.
/// </summary>
public sealed class OnePlyLookaheadPlayer(ulong seed) : IPlayer
{
    private readonly Rng _rng = new(seed);
    private readonly List<int> _legal = [];
    private readonly List<int> _reply = [];
    private readonly List<int> _safe = [];

    public string Name => "one-ply";

    public int ChooseAction(IGameState state)
    {
        int me = state.CurrentPlayer;
        state.LegalActions(_legal);
        if (_legal.Count == 0) throw new InvalidOperationException("no legal action: the game is over");
        _safe.Clear();
        foreach (int a in _legal)
        {
            state.Apply(a);
            bool win = state.IsTerminal && state.Returns(me) > 0;
            bool safe = win || !OpponentWinsNow(state, me);
            state.Undo();
            if (win) return a;
            if (safe) _safe.Add(a);
        }
        List<int> pool = _safe.Count > 0 ? _safe : _legal;
        return pool[_rng.NextInt(pool.Count)];
    }

    private bool OpponentWinsNow(IGameState state, int me)
    {
        if (state.IsTerminal) return state.Returns(me) < 0;
        state.LegalActions(_reply);
        foreach (int b in _reply)
        {
            state.Apply(b);
            bool lost = state.IsTerminal && state.Returns(me) < 0;
            state.Undo();
            if (lost) return true;
        }
        return false;
    }
}
