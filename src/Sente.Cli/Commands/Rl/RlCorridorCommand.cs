using System.CommandLine;
using Sente.Charts;
using Sente.Rl.PolicyGradient;
using Sente.Rl.Reporting;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl corridor`: REINFORCE with and without a baseline on the short corridor (Example 13.1).</summary>
public static class RlCorridorCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("corridor", "REINFORCE with a linear-softmax policy on the short corridor with switched " +
                                              "actions (Sutton and Barto Example 13.1, Figure 13.2), with and without a learned baseline.");
        var seed = Seed();
        var outDir = Out("corridor");
        var runsOpt = Positive("--runs", "Independent runs averaged", 100);
        var episodesOpt = Positive("--episodes", "Episodes per run", 1000);
        foreach (Option o in new Option[] { seed, outDir, runsOpt, episodesOpt }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            int runs = RequirePositive(parse.GetValue(runsOpt), "--runs");
            int episodes = RequirePositive(parse.GetValue(episodesOpt), "--episodes");
            ulong s = parse.GetValue(seed);
            string dir = PrepareOut(parse.GetValue(outDir)!);
            (string Name, double Alpha, double? BaselineAlpha)[] methods =
            [
                ("REINFORCE alpha 2^-13", Math.Pow(2, -13), null),
                ("REINFORCE with baseline alpha 2^-9, alpha_w 2^-6", Math.Pow(2, -9), Math.Pow(2, -6)),
            ];
            var curves = RlProgress.Run(ctx, $"2 methods x {runs} runs x {episodes} episodes", 2 * runs, p =>
                methods.Select((m, i) => CorridorExperiment.Run(m.Alpha, m.BaselineAlpha, runs, episodes, s,
                    RlProgress.Offset(p, i * runs))).ToList());
            double best = ShortCorridor.Value(ShortCorridor.OptimalPRight);
            var table = new Table().AddColumns("method", "episodes 1-100", "episodes 101-300", "last 100 episodes");
            for (int i = 0; i < methods.Length; i++)
                table.AddRow(Markup.Escape(methods[i].Name), Mean(curves[i].Take(100)),
                    Mean(curves[i].Skip(100).Take(200)), Mean(curves[i].TakeLast(100)));
            ctx.Console.Write(table);
            ctx.Console.MarkupLine($"optimum v* = {F(best, "0.00")} at p(right) = {F(ShortCorridor.OptimalPRight, "0.000")}");
            var series = methods.Select((m, i) => LineSeries.OverIndex(m.Name, curves[i])).ToList();
            series.Add(new LineSeries("v* (best stochastic policy)", [1, episodes], [best, best]));
            Chart.SaveLines(Path.Combine(dir, "corridor.png"), $"Short corridor: total reward per episode ({runs} runs)",
                "episode", "total reward on episode", series, yRange: (-90, -10));
            CsvTable.WriteColumns(Path.Combine(dir, "corridor.csv"), ["episode", "reinforce", "reinforce_baseline"],
                [Enumerable.Range(1, episodes).Select(e => (double)e).ToArray(), curves[0], curves[1]]);
            ctx.Console.MarkupLine($"seed {s}; wrote corridor.png and corridor.csv to {Markup.Escape(dir)}");
            return 0;
        });
        return command;
    }

    private static string Mean(IEnumerable<double> x) => x.Any() ? F(x.Average(), "0.00") : "-";
}
