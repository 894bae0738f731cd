using System.CommandLine;
using Sente.Charts;
using Sente.Rl.Bandits;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl bandit`: the 10-armed testbed, reproducing Figures 2.2-2.5 of Sutton and Barto.</summary>
internal sealed class RlBanditCommand : RlSubcommand
{
    private const int Arms = 10;

    private sealed record Method(string Name, Func<IBanditAgent> Create, double TestbedMean = 0);

    private sealed record Figure(string File, string Title, bool Reward, bool Optimal, Method[] Methods);

    private readonly Repetitions _sizes;

    public RlBanditCommand() : base("bandit", "The 10-armed testbed: epsilon-greedy, optimistic initial values, UCB, " +
        "gradient bandit, Thompson sampling; Figures 2.2-2.5 as PNG and CSV.")
    {
        _sizes = Repeat("Independent tasks per method (the book uses 2000)", 2000, "--steps", "Steps per task (the book uses 1000)", 1000);
    }

    protected override int Execute(RlRun run)
    {
        var (runs, steps) = run.Sizes(_sizes);
        var figures = Figures();
        var cache = new Dictionary<string, BanditCurves>();
        var distinct = figures.SelectMany(f => f.Methods).DistinctBy(m => m.Name).ToList();
        run.Progress($"{distinct.Count} methods x {runs} runs x {steps} steps", distinct.Count * runs, p =>
        {
            for (int i = 0; i < distinct.Count; i++)
            {
                var m = distinct[i];
                cache[m.Name] = BanditExperiment.Run(m.Name, m.Create, runs, steps, run.Seed, Arms, m.TestbedMean,
                    p.Counter(i * runs));
            }
            return 0;
        });

        foreach (var f in figures)
        {
            var curves = f.Methods.Select(m => cache[m.Name]).ToList();
            if (f.Reward)
                run.Lines(f.File + "-reward.png", f.Title + ": average reward", "steps", "average reward",
                    curves.Select(c => LineSeries.OverIndex(c.Name, c.AverageReward)).ToList(), style: ChartStyle.Curves);
            if (f.Optimal)
                run.Lines(f.File + "-optimal.png", f.Title + ": % optimal action", "steps", "% optimal action",
                    curves.Select(c => LineSeries.OverIndex(c.Name, c.OptimalFraction.Select(x => 100 * x).ToArray())).ToList(),
                    yRange: (0, 100), style: ChartStyle.Curves);
            var names = new List<string> { "step" };
            var columns = new List<double[]> { Enumerable.Range(1, steps).Select(i => (double)i).ToArray() };
            foreach (var c in curves)
            {
                names.Add(c.Name + " reward"); columns.Add(c.AverageReward);
                names.Add(c.Name + " optimal"); columns.Add(c.OptimalFraction);
            }
            run.Columns(f.File + ".csv", names, columns);
        }

        var table = new Table().AddColumns("method", "testbed", "mean reward", "final % optimal (last 100)",
                                           "reward at step 10 / 11 / 12");
        foreach (var m in distinct)
        {
            var c = cache[m.Name];
            string spike = steps >= 12 ? $"{F(c.AverageReward[9])} / {F(c.AverageReward[10])} / {F(c.AverageReward[11])}" : "-";
            table.AddRow(Markup.Escape(m.Name), m.TestbedMean == 0 ? "N(0,1)" : $"N({m.TestbedMean},1)",
                F(c.MeanReward, "0.000"), F(100 * c.FinalOptimal(Math.Min(100, steps)), "0.0"), spike);
        }
        run.Console.Write(table);
        return run.Done($"{runs} runs x {steps} steps, seed {run.Seed}");
    }

    private static Figure[] Figures()
    {
        var greedy = new Method("greedy (eps 0)", () => new EpsilonGreedy(Arms, 0));
        var eps01 = new Method("eps 0.01", () => new EpsilonGreedy(Arms, 0.01));
        var eps1 = new Method("eps 0.1", () => new EpsilonGreedy(Arms, 0.1));
        var optimistic = new Method("optimistic Q1=5, eps 0, alpha 0.1", () => new EpsilonGreedy(Arms, 0, 5, 0.1));
        var realistic = new Method("realistic Q1=0, eps 0.1, alpha 0.1", () => new EpsilonGreedy(Arms, 0.1, 0, 0.1));
        var ucb = new Method("UCB c=2", () => new Ucb(Arms, 2));
        var thompson = new Method("Thompson sampling", () => new ThompsonSampling(Arms));
        Method Gradient(double alpha, bool baseline) =>
            new($"gradient alpha {alpha} {(baseline ? "with" : "without")} baseline", () => new GradientBandit(Arms, alpha, baseline), 4);
        return
        [
            new("figure-2.2", "Figure 2.2 epsilon-greedy", true, true, [greedy, eps01, eps1]),
            new("figure-2.3", "Figure 2.3 optimistic initial values", false, true, [optimistic, realistic]),
            new("figure-2.4", "Figure 2.4 UCB", true, false, [ucb, eps1]),
            new("figure-2.5", "Figure 2.5 gradient bandit (q* ~ N(4,1))", false, true,
                [Gradient(0.1, true), Gradient(0.4, true), Gradient(0.1, false), Gradient(0.4, false)]),
            new("all-methods", "All methods", true, true, [greedy, eps1, optimistic, ucb, thompson]),
        ];
    }
}
