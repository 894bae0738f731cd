using Sente.Core.Games;

namespace Sente.Tests.Games;

/// <summary>
/// A tiny test game with a pass, scored like Go under area scoring: players claim free cells (action = cell) or
/// pass (action = <see cref="Cells"/>); two passes in a row end the game; player 0 wins when it has more cells
/// than player 1 plus 0.5 komi. Exercises pass handling in game-agnostic code.
/// </summary>
public sealed class ClaimGame(int cells) : IGame
{
    public int Cells => cells;
    public string Name => "claim";
    public int NumActions => cells + 1;
    public (int Channels, int Height, int Width) ObservationShape => (2, 1, cells);
    public int MaxGameLength => 2 * cells + 2;
    public IGameState NewInitialState() => new ClaimState(this);

    public ClaimState FromMoves(params int[] moves)
    {
        var s = new ClaimState(this);
        foreach (int m in moves) s.Apply(m);
        return s;
    }
}

public sealed class ClaimState(ClaimGame game) : IGameState
{
    private readonly int[] _owner = Enumerable.Repeat(-1, game.Cells).ToArray();
    private readonly List<int> _history = [];

    public IGame Game => game;
    public int CurrentPlayer => _history.Count & 1;
    public int MoveNumber => _history.Count;
    private int Pass => game.Cells;
    public bool IsTerminal => _history.Count >= 2 && _history[^1] == Pass && _history[^2] == Pass;

    public ulong PositionHash
    {
        get
        {
            ulong h = (ulong)CurrentPlayer + 1;
            foreach (int o in _owner) h = h * 31 + (ulong)(o + 2);
            // The pass that can end the game is part of the position (as in Go's two-pass rule).
            return h * 3 + (_history.Count > 0 && _history[^1] == Pass ? 1UL : 0UL);
        }
    }

    public void LegalActions(List<int> actions)
    {
        actions.Clear();
        if (IsTerminal) return;
        for (int c = 0; c < game.Cells; c++) if (_owner[c] < 0) actions.Add(c);
        actions.Add(Pass);
    }

    public bool IsLegal(int action) => !IsTerminal && (action == Pass || ((uint)action < game.Cells && _owner[action] < 0));

    public void Apply(int action)
    {
        if (!IsLegal(action)) throw new InvalidOperationException($"claim: illegal action {action}");
        if (action != Pass) _owner[action] = CurrentPlayer;
        _history.Add(action);
    }

    public void Undo()
    {
        if (_history.Count == 0) throw new InvalidOperationException("claim: no move to undo");
        int a = _history[^1];
        _history.RemoveAt(_history.Count - 1);
        if (a != Pass) _owner[a] = -1;
    }

    public double Returns(int player)
    {
        if (!IsTerminal) return 0;
        double score = _owner.Count(o => o == 0) - _owner.Count(o => o == 1) - 0.5;
        return (score > 0) == (player == 0) ? 1 : -1;
    }

    public IGameState Clone()
    {
        var c = new ClaimState(game);
        _owner.CopyTo(c._owner, 0);
        c._history.AddRange(_history);
        return c;
    }

    public void WriteObservation(Span<float> destination)
    {
        destination[..(2 * game.Cells)].Clear();
        for (int c = 0; c < game.Cells; c++)
            if (_owner[c] >= 0) destination[(_owner[c] == CurrentPlayer ? 0 : game.Cells) + c] = 1;
    }

    public string ActionToString(int action) => action == Pass ? "pass" : $"cell {action}";
}
