using Sente.Core.Games;

namespace Sente.Go;

// The IGameState view: player 0 = Black, 1 = White; actions are points and pass = Size*Size.
public sealed partial class GoState : IGameState
{
    private readonly GoGame _game;

    /// <inheritdoc />
    public IGame Game => _game;

    /// <inheritdoc />
    public int CurrentPlayer => ToMove == Stone.Black ? 0 : 1;

    /// <inheritdoc />
    public int MoveNumber => _moves.Count;

    /// <summary>Two consecutive passes, or <see cref="GoGame.MaxGameLength"/> moves played.</summary>
    public bool IsTerminal => ConsecutivePasses >= 2 || _moves.Count >= _game.MaxGameLength;

    /// <inheritdoc />
    public void LegalActions(List<int> actions)
    {
        actions.Clear();
        if (IsTerminal) return;
        Stone c = ToMove;
        for (int p = 0; p < Pass; p++)
            if (_board[p] == Stone.Empty && IsLegal(c, p)) actions.Add(p);
        actions.Add(Pass);
    }

    /// <inheritdoc />
    public bool IsLegal(int action) => !IsTerminal && IsLegal(ToMove, action);

    /// <inheritdoc />
    public void Apply(int action)
    {
        if (IsTerminal) throw new InvalidOperationException("the game is over");
        Play(ToMove, action);
    }

    /// <summary>+1 / -1 / 0 for <paramref name="player"/> from the Tromp-Taylor area score of a terminal state; 0 otherwise.</summary>
    public double Returns(int player)
    {
        if (!IsTerminal) return 0;
        double m = Score().Margin;
        double black = m > 0 ? 1 : m < 0 ? -1 : 0;
        return player == 0 ? black : -black;
    }

    IGameState IGameState.Clone() => Clone();

    /// <summary>Planes (3, N, N) from the mover's view: own stones, opponent stones, ones.</summary>
    public void WriteObservation(Span<float> destination)
    {
        int n = _board.PointCount;
        if (destination.Length < ObservationLength)
            throw new ArgumentException($"need {ObservationLength} floats, got {destination.Length}", nameof(destination));
        Stone own = ToMove, opp = ToMove.Opponent();
        ReadOnlySpan<Stone> stones = _board.Stones;
        for (int p = 0; p < n; p++)
        {
            Stone s = stones[p];
            destination[p] = s == own ? 1f : 0f;
            destination[n + p] = s == opp ? 1f : 0f;
            destination[2 * n + p] = 1f;
        }
    }

    private int ObservationLength => GoGame.ObservationPlanes * _board.PointCount;

    /// <summary>Stones and side to move (the situation hash).</summary>
    public ulong PositionHash => SituationHash(_board.Hash, ToMove);

    /// <inheritdoc />
    public string ActionToString(int action) => Vertex.ToGtp(action, Size);

    /// <summary>Debug text: the board and whose turn it is.</summary>
    public override string ToString() => _board.ToAscii() + $"{ToMove} to move, move {MoveNumber}";
}
