using Sente.Core.Games;

namespace Sente.Games;

/// <summary>
/// Tic-tac-toe. Action = cell index row * 3 + column, row 0 at the top; player 0 is X and moves first.
/// Observation (3 x 3 x 3): plane 0 = stones of the player to move, plane 1 = opponent's stones,
/// plane 2 = all ones when player 0 (X) is to move. Perfect play is a draw.
/// </summary>
public sealed class TicTacToe : IGame
{
    /// <summary>The one instance (the game has no parameters).</summary>
    public static readonly TicTacToe Instance = new();

    internal static readonly CellZobrist Keys = new(9, 0x7177_0001);

    /// <summary>The eight lines of three cells.</summary>
    internal static readonly int[][] Lines =
    [
        [0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6],
    ];

    public string Name => "tictactoe";
    public int NumActions => 9;
    public (int Channels, int Height, int Width) ObservationShape => (3, 3, 3);
    public int MaxGameLength => 9;
    public IGameState NewInitialState() => new TicTacToeState();

    /// <summary>Plays the given cells (row * 3 + column) from the initial position.</summary>
    public static TicTacToeState FromMoves(params int[] actions)
    {
        var s = new TicTacToeState();
        foreach (int a in actions) s.Apply(a);
        return s;
    }
}

/// <summary>A tic-tac-toe position with its move history (undo is O(1)). Not thread-safe.</summary>
public sealed class TicTacToeState : IGameState
{
    private readonly sbyte[] _cells = [-1, -1, -1, -1, -1, -1, -1, -1, -1];
    private readonly int[] _history = new int[9];
    private int _moves;
    private int _winner = -1;
    private ulong _hash;

    public IGame Game => TicTacToe.Instance;
    public int CurrentPlayer => _moves & 1;
    public int MoveNumber => _moves;
    public bool IsTerminal => _winner >= 0 || _moves == 9;

    /// <summary>The winner (0 or 1), or -1 for none (game running or drawn).</summary>
    public int Winner => _winner;

    /// <summary>The owner of <paramref name="cell"/>: 0, 1, or -1 when empty.</summary>
    public int Cell(int cell) => _cells[cell];

    public ulong PositionHash => _hash;

    public void LegalActions(List<int> actions)
    {
        actions.Clear();
        if (IsTerminal) return;
        for (int i = 0; i < 9; i++) if (_cells[i] < 0) actions.Add(i);
    }

    public bool IsLegal(int action) => !IsTerminal && (uint)action < 9 && _cells[action] < 0;

    public void Apply(int action)
    {
        if (!IsLegal(action))
            throw new InvalidOperationException(
                $"tic-tac-toe: illegal action {action}: " +
                ((uint)action >= 9 ? "not in 0..8" : IsTerminal ? "the game is over" : "the cell is occupied"));
        int p = CurrentPlayer;
        _cells[action] = (sbyte)p;
        _history[_moves++] = action;
        _hash ^= TicTacToe.Keys.Stone(action, p) ^ TicTacToe.Keys.SideToMove;
        foreach (int[] line in TicTacToe.Lines)
        {
            if (Array.IndexOf(line, action) < 0) continue;
            if (_cells[line[0]] == p && _cells[line[1]] == p && _cells[line[2]] == p) { _winner = p; break; }
        }
    }

    public void Undo()
    {
        if (_moves == 0) throw new InvalidOperationException("tic-tac-toe: no move to undo");
        int action = _history[--_moves];
        int p = _moves & 1;
        _cells[action] = -1;
        _hash ^= TicTacToe.Keys.Stone(action, p) ^ TicTacToe.Keys.SideToMove;
        _winner = -1; // play stops at the first line, so the position before it had no winner
    }

    public double Returns(int player) => _winner < 0 ? 0 : _winner == player ? 1 : -1;

    public IGameState Clone()
    {
        var c = new TicTacToeState();
        CopyTo(c);
        return c;
    }

    private void CopyTo(TicTacToeState c)
    {
        _cells.CopyTo(c._cells, 0);
        _history.CopyTo(c._history, 0);
        c._moves = _moves;
        c._winner = _winner;
        c._hash = _hash;
    }

    public void WriteObservation(Span<float> destination)
    {
        destination[..27].Clear();
        int me = CurrentPlayer;
        for (int i = 0; i < 9; i++)
        {
            if (_cells[i] == me) destination[i] = 1;
            else if (_cells[i] >= 0) destination[9 + i] = 1;
        }
        if (me == 0) destination.Slice(18, 9).Fill(1);
    }

    public string ActionToString(int action) =>
        (uint)action < 9 ? $"{(char)('a' + action % 3)}{action / 3 + 1}" : $"invalid({action})";

    /// <summary>Three lines of X, O and '.', row 0 first.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++) sb.Append(_cells[r * 3 + c] switch { 0 => 'X', 1 => 'O', _ => '.' });
            if (r < 2) sb.Append('\n');
        }
        return sb.ToString();
    }
}
