using Sente.Core.Games;

namespace Sente.Games;

/// <summary>
/// Connect Four on the standard 7 columns x 6 rows. Action = column 0..6 (a stone drops to the lowest empty row).
/// Player 0 moves first. Observation (3 x 6 x 7), y = row with 0 at the bottom: plane 0 = stones of the player to
/// move, plane 1 = opponent's stones, plane 2 = all ones when player 0 is to move. First player wins with perfect play.
/// </summary>
public sealed class ConnectFour : IGame
{
    public const int Columns = 7;
    public const int Rows = 6;

    /// <summary>The one instance (the standard board).</summary>
    public static readonly ConnectFour Instance = new();

    internal static readonly CellZobrist Keys = new(Columns * Rows, 0xC4_0001);

    public string Name => "connect4";
    public int NumActions => Columns;
    public (int Channels, int Height, int Width) ObservationShape => (3, Rows, Columns);
    public int MaxGameLength => Columns * Rows;
    public IGameState NewInitialState() => new ConnectFourState();

    /// <summary>Plays the given columns from the initial position.</summary>
    public static ConnectFourState FromMoves(params int[] columns)
    {
        var s = new ConnectFourState();
        foreach (int c in columns) s.Apply(c);
        return s;
    }
}

/// <summary>A Connect Four position with its move history (undo is O(1)). Not thread-safe.</summary>
public sealed class ConnectFourState : IGameState
{
    private const int W = ConnectFour.Columns, H = ConnectFour.Rows;
    private readonly sbyte[] _cells = Enumerable.Repeat((sbyte)-1, W * H).ToArray(); // row * W + column, row 0 at the bottom
    private readonly int[] _heights = new int[W];
    private readonly int[] _history = new int[W * H];
    private int _moves;
    private int _winner = -1;
    private ulong _hash;

    public IGame Game => ConnectFour.Instance;
    public int CurrentPlayer => _moves & 1;
    public int MoveNumber => _moves;
    public bool IsTerminal => _winner >= 0 || _moves == W * H;

    /// <summary>The winner (0 or 1), or -1 for none (game running or drawn).</summary>
    public int Winner => _winner;

    /// <summary>The owner of the cell at <paramref name="row"/> (0 = bottom), <paramref name="column"/>: 0, 1 or -1.</summary>
    public int Cell(int row, int column) => _cells[row * W + column];

    public ulong PositionHash => _hash;

    public void LegalActions(List<int> actions)
    {
        actions.Clear();
        if (IsTerminal) return;
        for (int c = 0; c < W; c++) if (_heights[c] < H) actions.Add(c);
    }

    public bool IsLegal(int action) => !IsTerminal && (uint)action < W && _heights[action] < H;

    public void Apply(int action)
    {
        if (!IsLegal(action))
            throw new InvalidOperationException(
                $"connect4: illegal action {action}: " +
                ((uint)action >= W ? "not a column 0..6" : IsTerminal ? "the game is over" : "the column is full"));
        int p = CurrentPlayer;
        int row = _heights[action]++;
        int cell = row * W + action;
        _cells[cell] = (sbyte)p;
        _history[_moves++] = action;
        _hash ^= ConnectFour.Keys.Stone(cell, p) ^ ConnectFour.Keys.SideToMove;
        if (MakesFour(row, action, p)) _winner = p;
    }

    private bool MakesFour(int row, int col, int p)
    {
        ReadOnlySpan<int> dr = [0, 1, 1, 1];
        ReadOnlySpan<int> dc = [1, 0, 1, -1];
        for (int d = 0; d < 4; d++)
        {
            int n = 1 + Count(row, col, dr[d], dc[d], p) + Count(row, col, -dr[d], -dc[d], p);
            if (n >= 4) return true;
        }
        return false;
    }

    private int Count(int row, int col, int dr, int dc, int p)
    {
        int n = 0;
        for (int r = row + dr, c = col + dc; (uint)r < H && (uint)c < W && _cells[r * W + c] == p; r += dr, c += dc) n++;
        return n;
    }

    public void Undo()
    {
        if (_moves == 0) throw new InvalidOperationException("connect4: no move to undo");
        int col = _history[--_moves];
        int row = --_heights[col];
        int cell = row * W + col;
        _hash ^= ConnectFour.Keys.Stone(cell, _cells[cell]) ^ ConnectFour.Keys.SideToMove;
        _cells[cell] = -1;
        _winner = -1; // play stops at the first four, so the position before it had no winner
    }

    public double Returns(int player) => _winner < 0 ? 0 : _winner == player ? 1 : -1;

    public IGameState Clone()
    {
        var c = new ConnectFourState();
        _cells.CopyTo(c._cells, 0);
        _heights.CopyTo(c._heights, 0);
        _history.CopyTo(c._history, 0);
        c._moves = _moves;
        c._winner = _winner;
        c._hash = _hash;
        return c;
    }

    public void WriteObservation(Span<float> destination)
    {
        const int plane = W * H;
        destination[..(3 * plane)].Clear();
        int me = CurrentPlayer;
        for (int i = 0; i < plane; i++)
        {
            if (_cells[i] == me) destination[i] = 1;
            else if (_cells[i] >= 0) destination[plane + i] = 1;
        }
        if (me == 0) destination.Slice(2 * plane, plane).Fill(1);
    }

    public string ActionToString(int action) => (uint)action < W ? $"column {action + 1}" : $"invalid({action})";

    /// <summary>Six lines of X (player 0), O and '.', top row first.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        for (int r = H - 1; r >= 0; r--)
        {
            for (int c = 0; c < W; c++) sb.Append(_cells[r * W + c] switch { 0 => 'X', 1 => 'O', _ => '.' });
            if (r > 0) sb.Append('\n');
        }
        return sb.ToString();
    }
}
