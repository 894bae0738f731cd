namespace Sente.Rl.Mdp;

/// <summary>
/// Deterministic grid worlds as tabular MDPs. State = row * Cols + col, row 0 at the top. Actions: 0 up, 1 down,
/// 2 left, 3 right; a move off the grid leaves the state unchanged. Covers the 4x4 gridworld (Example 4.1) and
/// Cliff Walking (Example 6.6).
/// </summary>
public static class GridWorld
{
    public static readonly string[] ActionNames = ["up", "down", "left", "right"];
    public const int Up = 0, Down = 1, Left = 2, Right = 3;

    /// <summary>Example 4.1: 4x4, terminal corners (states 0 and 15), reward -1 on every step, gamma 1.
    /// The book numbers the non-terminal states 1..14, which equal these indices.</summary>
    public static TabularMdp Example41()
    {
        const int n = 4;
        var terminal = new bool[n * n];
        terminal[0] = terminal[n * n - 1] = true;
        return Build(n, n, terminal, (_, next) => (next, -1.0), gamma: 1.0);
    }

    /// <summary>Cliff Walking (Example 6.6): 4 rows x 12 columns, start bottom-left (state 36), goal bottom-right
    /// (state 47, terminal). -1 per step; stepping into the cliff (bottom row between start and goal) gives -100
    /// and sends the agent back to the start. Undiscounted.</summary>
    public static TabularMdp CliffWalking()
    {
        const int rows = 4, cols = 12;
        var terminal = new bool[rows * cols];
        terminal[CliffGoal] = true;
        return Build(rows, cols, terminal, (_, next) => IsCliff(next) ? (CliffStart, -100.0) : (next, -1.0), gamma: 1.0);
    }

    public const int CliffRows = 4, CliffCols = 12, CliffStart = 36, CliffGoal = 47;

    /// <summary>True for the cliff cells of Cliff Walking (bottom row, columns 1..10).</summary>
    public static bool IsCliff(int state) => state / CliffCols == CliffRows - 1 && state % CliffCols is > 0 and < CliffCols - 1;

    /// <summary>Builds a deterministic grid MDP; <paramref name="outcome"/> maps (state, cell moved to) to
    /// (next state, reward).</summary>
    public static TabularMdp Build(int rows, int cols, bool[] terminal, Func<int, int, (int Next, double Reward)> outcome,
                                   double gamma)
    {
        var model = new Transition[rows * cols][][];
        for (int s = 0; s < rows * cols; s++)
        {
            model[s] = new Transition[4][];
            int r = s / cols, c = s % cols;
            for (int a = 0; a < 4; a++)
            {
                int nr = r + (a == Up ? -1 : a == Down ? 1 : 0);
                int nc = c + (a == Left ? -1 : a == Right ? 1 : 0);
                int moved = nr < 0 || nr >= rows || nc < 0 || nc >= cols ? s : nr * cols + nc;
                var (next, reward) = outcome(s, moved);
                model[s][a] = [new Transition(1.0, next, reward)];
            }
        }
        return new TabularMdp(model, terminal, gamma, ActionNames);
    }

    /// <summary>Per-state values as a rows x cols table for printing and heat maps.</summary>
    public static double[,] ToGrid(ReadOnlySpan<double> values, int rows, int cols)
    {
        var grid = new double[rows, cols];
        for (int s = 0; s < rows * cols; s++) grid[s / cols, s % cols] = values[s];
        return grid;
    }
}
