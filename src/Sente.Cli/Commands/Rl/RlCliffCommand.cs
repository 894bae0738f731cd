using System.CommandLine;
using Sente.Charts;
using Sente.Rl.Mdp;
using Sente.Rl.Reporting;
using Sente.Rl.Td;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl cliff`: Cliff Walking (Example 6.6) with Sarsa, Expected Sarsa and Q-learning.</summary>
public static class RlCliffCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("cliff", "Cliff Walking (Sutton and Barto Example 6.6): Sarsa, Expected Sarsa and " +
                                           "Q-learning; online returns (Figure 6.4), greedy paths, value tables and heat maps.");
        var seed = Seed();
        var outDir = Out("cliff");
        var runsOpt = Positive("--runs", "Independent runs averaged per method", 100);
        var episodesOpt = Positive("--episodes", "Training episodes per run", 500);
        var alphaOpt = new Option<double>("--alpha") { Description = "Step size", DefaultValueFactory = _ => 0.5 };
        var epsOpt = new Option<double>("--epsilon") { Description = "Exploration rate of the epsilon-greedy behaviour", DefaultValueFactory = _ => 0.1 };
        foreach (Option o in new Option[] { seed, outDir, runsOpt, episodesOpt, alphaOpt, epsOpt }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            int runs = RequirePositive(parse.GetValue(runsOpt), "--runs");
            int episodes = RequirePositive(parse.GetValue(episodesOpt), "--episodes");
            double alpha = parse.GetValue(alphaOpt), eps = parse.GetValue(epsOpt);
            if (alpha is <= 0 or > 1) throw new CliException($"--alpha must be in (0, 1] (got {alpha})");
            if (eps is < 0 or > 1) throw new CliException($"--epsilon must be in [0, 1] (got {eps})");
            ulong s = parse.GetValue(seed);
            string dir = PrepareOut(parse.GetValue(outDir)!);
            var options = new TdOptions(alpha, eps, 1.0, episodes);
            TdMethod[] methods = [TdMethod.Sarsa, TdMethod.ExpectedSarsa, TdMethod.QLearning];
            var results = RlProgress.Run(ctx, $"3 methods x {runs} runs x {episodes} episodes", 3 * runs, p =>
                methods.Select((m, i) => CliffExperiment.Run(m, runs, options, s, RlProgress.Offset(p, i * runs))).ToList());

            var c = ctx.Console;
            var env = new MdpEnvironment(GridWorld.CliffWalking(), GridWorld.CliffStart);
            string[] arrows = ["^", "v", "<", ">"];
            foreach (var r in results)
            {
                var q = r.FirstRunQ;
                var (ret, steps) = TdControl.GreedyEpisode(env, q);
                c.MarkupLine($"[bold]{r.Method}[/]: greedy policy of run 1 (S start, G goal, C cliff); greedy path {steps} steps, return {ret}");
                var grid = new double[GridWorld.CliffRows, GridWorld.CliffCols];
                c.Write(Grid(grid, cell: (row, col) =>
                {
                    int st = row * GridWorld.CliffCols + col;
                    if (st == GridWorld.CliffStart) return "S" + arrows[Best(q, st)];
                    if (st == GridWorld.CliffGoal) return "G";
                    return GridWorld.IsCliff(st) ? "C" : arrows[Best(q, st)];
                }));
                var values = new double[GridWorld.CliffRows, GridWorld.CliffCols];
                for (int st = 0; st < values.Length; st++)
                    values[st / GridWorld.CliffCols, st % GridWorld.CliffCols] =
                        GridWorld.IsCliff(st) || st == GridWorld.CliffGoal ? double.NaN : TabularPolicies.Max(q, st);
                Chart.SaveHeatMap(Path.Combine(dir, $"cliff-{Slug(r.Method)}-values.png"),
                    $"Cliff Walking: max_a Q(s, a), {r.Method} (run 1)", values, "0", cellPixels: 60);
            }

            var table = new Table().AddColumns("method", "online return (mean of episodes)", "last 100 episodes",
                                               "greedy return (median over runs)", "greedy -13 / -15 / -17 (runs)");
            foreach (var r in results)
                table.AddRow(r.Method.ToString(), F(r.MeanReturns.Average(), "0.0"), F(r.MeanReturns.TakeLast(100).Average(), "0.0"),
                    F(Median(r.GreedyReturns), "0.0"),
                    $"{r.GreedyReturns.Count(g => g == -13)} / {r.GreedyReturns.Count(g => g == -15)} / {r.GreedyReturns.Count(g => g == -17)} of {runs}");
            c.Write(table);

            Chart.SaveLines(Path.Combine(dir, "cliff-online-returns.png"),
                $"Cliff Walking: sum of rewards per episode ({runs} runs, 10-episode moving average)", "episodes",
                "sum of rewards during episode",
                results.Select(r => LineSeries.OverIndex(r.Method.ToString(), Curves.MovingAverage(r.MeanReturns, 10))).ToList(),
                yRange: (-100, 0));
            CsvTable.WriteColumns(Path.Combine(dir, "cliff-online-returns.csv"),
                ["episode", .. results.Select(r => r.Method.ToString())],
                [Enumerable.Range(1, episodes).Select(i => (double)i).ToArray(), .. results.Select(r => r.MeanReturns)]);
            c.MarkupLine($"alpha {F(alpha)}, epsilon {F(eps)}, seed {s}; wrote PNG and CSV to {Markup.Escape(dir)}");
            return 0;
        });
        return command;
    }

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

    private static string Slug(TdMethod m) => m switch
    {
        TdMethod.Sarsa => "sarsa",
        TdMethod.ExpectedSarsa => "expected-sarsa",
        _ => "q-learning",
    };
}
