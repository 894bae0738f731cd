using Sente.Charts;
using Sente.Rl.Mdp;
using Sente.Rl.Reporting;
using Sente.Rl.Td;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl cliff`: Cliff Walking (Example 6.6) with Sarsa, Expected Sarsa and Q-learning.</summary>
internal sealed class RlCliffCommand : RlSubcommand
{
    private readonly Repetitions _sizes;
    private readonly System.CommandLine.Option<double> _alpha, _epsilon;

    public RlCliffCommand() : base("cliff", "Cliff Walking (Sutton and Barto Example 6.6): Sarsa, Expected Sarsa and " +
        "Q-learning; online returns (Figure 6.4), greedy paths, value tables and heat maps.")
    {
        _sizes = Repeat("Independent runs averaged per method", 100, "--episodes", "Training episodes per run", 500);
        _alpha = Number("--alpha", "Step size", 0.5);
        _epsilon = Number("--epsilon", "Exploration rate of the epsilon-greedy behaviour", 0.1);
    }

    /// <summary>The method's name as the book writes it.</summary>
    public static string Label(TdMethod m) => m switch
    {
        TdMethod.Sarsa => "Sarsa",
        TdMethod.ExpectedSarsa => "Expected Sarsa",
        TdMethod.QLearning => "Q-learning",
        _ => m.ToString(),
    };

    protected override int Execute(RlRun run)
    {
        var (runs, episodes) = run.Sizes(_sizes);
        double alpha = run.Check(_alpha, a => a > 0 && a <= 1, "in (0, 1]");
        double eps = run.Check(_epsilon, e => e >= 0 && e <= 1, "in [0, 1]");
        var options = new TdOptions(alpha, eps, 1.0, episodes);
        TdMethod[] methods = [TdMethod.Sarsa, TdMethod.ExpectedSarsa, TdMethod.QLearning];
        var results = run.Progress($"3 methods x {runs} runs x {episodes} episodes", 3 * runs, p =>
            methods.Select((m, i) => CliffExperiment.Run(m, runs, options, run.Seed, p.Counter(i * runs))).ToList());

        var c = run.Console;
        var env = new MdpEnvironment(GridWorld.CliffWalking(), GridWorld.CliffStart);
        string[] arrows = ["^", "v", "<", ">"];
        var marks = new HeatMapLabels(
            Rows: Enumerable.Range(0, GridWorld.CliffRows).Select(r => $"row {r}").ToArray(),
            CellText: (row, col) => Mark(row * GridWorld.CliffCols + col));
        foreach (var r in results)
        {
            var q = r.FirstRunQ;
            var (ret, steps) = TdControl.GreedyEpisode(env, q);
            c.MarkupLine($"[bold]{Label(r.Method)}[/]: greedy policy of run 1 (S start, G goal, C cliff); " +
                         $"greedy path {steps} steps, return {ret}");
            var grid = new double[GridWorld.CliffRows, GridWorld.CliffCols];
            c.Write(Grid(grid, cell: (row, col) =>
            {
                int st = row * GridWorld.CliffCols + col;
                if (st == GridWorld.CliffStart) return "S" + arrows[Best(q, st)];
                return Mark(st) is { } m ? m[..1] : arrows[Best(q, st)];
            }));
            var values = new double[GridWorld.CliffRows, GridWorld.CliffCols];
            for (int st = 0; st < values.Length; st++)
                values[st / GridWorld.CliffCols, st % GridWorld.CliffCols] =
                    GridWorld.IsCliff(st) || st == GridWorld.CliffGoal ? double.NaN : TabularPolicies.Max(q, st);
            run.HeatMap($"cliff-{Label(r.Method).ToLowerInvariant().Replace(' ', '-')}-values.png",
                $"Cliff Walking: max_a Q(s, a), {Label(r.Method)} (run 1; S start, G goal, C cliff)", values, "0", 60, marks);
        }

        var table = new Table().AddColumns("method", "online return (mean of episodes)", "last 100 episodes",
                                           "greedy return (median over runs)", "greedy -13 / -15 / -17 (runs)");
        foreach (var r in results)
            table.AddRow(Label(r.Method), F(r.MeanReturns.Average(), "0.0"), F(r.MeanReturns.TakeLast(100).Average(), "0.0"),
                F(Median(r.GreedyReturns), "0.0"),
                $"{string.Join(" / ", new[] { -13, -15, -17 }.Select(n => r.GreedyReturns.Count(g => g == n)))} of {runs}");
        c.Write(table);

        run.Lines("cliff-online-returns.png", $"Cliff Walking: sum of rewards per episode ({runs} runs, 10-episode moving average)",
            "episodes", "sum of rewards during episode",
            results.Select(r => LineSeries.OverIndex(Label(r.Method), Curves.MovingAverage(r.MeanReturns, 10))).ToList(),
            yRange: (-100, 0), style: ChartStyle.Curves);
        run.Columns("cliff-online-returns.csv", ["episode", .. results.Select(r => Label(r.Method))],
            [Enumerable.Range(1, episodes).Select(i => (double)i).ToArray(), .. results.Select(r => r.MeanReturns)]);
        return run.Done($"alpha {F(alpha)}, epsilon {F(eps)}, seed {run.Seed}");
    }

    /// <summary>"S", "G" or "C" for the start, goal and cliff cells; null elsewhere.</summary>
    private static string? Mark(int state) =>
        state == GridWorld.CliffStart ? "S" : state == GridWorld.CliffGoal ? "G" : GridWorld.IsCliff(state) ? "C" : null;

    private static double Median(double[] x)
    {
        var sorted = x.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Best(double[,] q, int s)
    {
        int best = 0;
        for (int a = 1; a < q.GetLength(1); a++) if (q[s, a] > q[s, best]) best = a;
        return best;
    }
}
