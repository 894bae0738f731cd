using Sente.Charts;
using Sente.Rl.PolicyGradient;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl corridor`: REINFORCE with and without a baseline on the short corridor (Example 13.1).</summary>
internal sealed class RlCorridorCommand : RlSubcommand
{
    private readonly Repetitions _sizes;

    public RlCorridorCommand() : base("corridor", "REINFORCE with a linear-softmax policy on the short corridor with switched " +
        "actions (Sutton and Barto Example 13.1, Figure 13.2), with and without a learned baseline.")
    {
        _sizes = Repeat("Independent runs averaged", 100, "--episodes", "Episodes per run", 1000);
    }

    protected override int Execute(RlRun run)
    {
        var (runs, episodes) = run.Sizes(_sizes);
        (string Name, double Alpha, double? BaselineAlpha)[] methods =
        [
            ("REINFORCE alpha 2^-13", Math.Pow(2, -13), null),
            ("REINFORCE with baseline alpha 2^-9, alpha_w 2^-6", Math.Pow(2, -9), Math.Pow(2, -6)),
        ];
        var curves = run.Progress($"2 methods x {runs} runs x {episodes} episodes", 2 * runs, p =>
            methods.Select((m, i) => CorridorExperiment.Run(m.Alpha, m.BaselineAlpha, runs, episodes, run.Seed,
                p.Counter(i * runs))).ToList());
        double best = ShortCorridor.Value(ShortCorridor.OptimalPRight);
        var table = new Table().AddColumns("method", "episodes 1-100", "episodes 101-300", "last 100 episodes");
        for (int i = 0; i < methods.Length; i++)
            table.AddRow(Markup.Escape(methods[i].Name), Mean(curves[i].Take(100)),
                Mean(curves[i].Skip(100).Take(200)), Mean(curves[i].TakeLast(100)));
        run.Console.Write(table);
        run.Console.MarkupLine($"optimum v* = {F(best, "0.00")} at p(right) = {F(ShortCorridor.OptimalPRight, "0.000")}");
        var style = ChartStyle.Curves with { ReferenceLines = [new ReferenceLine("v* (best stochastic policy)", best)] };
        run.Lines("corridor.png", $"Short corridor: total reward per episode ({runs} runs)", "episode", "total reward on episode",
            methods.Select((m, i) => LineSeries.OverIndex(m.Name, curves[i])).ToList(), yRange: (-90, -10), style: style);
        run.Columns("corridor.csv", ["episode", "reinforce", "reinforce_baseline"],
            [Enumerable.Range(1, episodes).Select(e => (double)e).ToArray(), curves[0], curves[1]]);
        return run.Done($"seed {run.Seed}");
    }

    private static string Mean(IEnumerable<double> x) => x.Any() ? F(x.Average(), "0.00") : "-";
}
