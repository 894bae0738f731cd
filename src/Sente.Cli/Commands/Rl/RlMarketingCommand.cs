using System.CommandLine;
using Sente.Charts;
using Sente.Cli.Composition;
using Sente.Rl.Marketing;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl marketing`: which customers get which campaign e-mail, on the real Hillstrom log (offline
/// evaluation on held-out rows) and in a simulator calibrated on it segment by segment.</summary>
internal sealed class RlMarketingCommand : RlSubcommand
{
    private readonly Option<string> _data = new("--data")
    {
        Description = "The Hillstrom e-mail test log (CSV, gzip if it ends in .gz)", DefaultValueFactory = _ => DataFolder.Hillstrom,
    };
    private readonly Option<double[]> _costs = new("--cost")
    {
        Description = "Cost per e-mail in dollars; several values give one table each (--cost 0.3 0.5 0.9 1.5)",
        DefaultValueFactory = _ => [0.5], AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<double> _holdout, _prior, _linUcbAlpha, _pgAlpha;
    private readonly Option<int> _customers, _passes;

    public RlMarketingCommand() : base("marketing",
        "The marketing agent on the Hillstrom e-mail test (64,000 customers randomized to a Mens e-mail, a Womens e-mail " +
        "or none): calibrates a simulator per segment, checks it against the log, and compares never/always send, the " +
        "per-segment best, LinUCB and a softmax policy gradient (trained in the simulator or on the log by replay) by " +
        "profit per 1,000 customers, offline on held-out rows (replay and IPS, 95% intervals) and in the simulator.")
    {
        Add(_data);
        Add(_costs);
        var d = new MarketingStudyOptions();
        _holdout = Number("--holdout", "Fraction of the log held out for offline evaluation", d.HoldoutFraction);
        _prior = Number("--prior-rows", "Shrinkage: pseudo-rows of the coarser cell added to each calibration cell", d.PriorRows);
        _customers = Count("--customers", "Simulated customers each simulator-trained agent learns from", d.SimulatorCustomers);
        _passes = Count("--passes", "Passes over the training rows for the agents trained on the log", d.ReplayPasses);
        _linUcbAlpha = Number("--linucb-alpha", "LinUCB exploration width in dollars", d.LinUcbAlpha);
        _pgAlpha = Number("--pg-alpha", "Step size of the softmax policy gradient", d.PgAlpha);
    }

    protected override int Execute(RlRun run)
    {
        double[] costs = run.Get(_costs);
        if (costs.Length == 0 || costs.Any(c => !(c >= 0 && double.IsFinite(c))))
            throw new CliException($"--cost must be one or more amounts >= 0 (got {string.Join(' ', costs)})");
        var options = new MarketingStudyOptions(
            run.Check(_holdout, h => h > 0 && h < 1, "in (0, 1)"), run.Check(_prior, p => p >= 0, ">= 0"),
            run.Positive(_customers), run.Positive(_passes), run.Check(_linUcbAlpha, a => a >= 0, ">= 0"),
            run.Check(_pgAlpha, a => a > 0, "positive"), run.Seed);
        string path = run.Get(_data);
        IReadOnlyList<HillstromRow> log;
        try
        {
            log = HillstromLog.Load(path);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new CliException($"--data: {e.Message}");
        }
        var c = run.Console;
        PrintLog(c, log, path);
        var full = CustomerPopulation.Calibrate(log, costs[0], options.PriorRows);
        PrintCalibration(run, full, log);

        var (train, holdout) = HillstromLog.Split(log, options.HoldoutFraction, options.Seed);
        c.MarkupLine($"[bold]policies[/]: trained on {train.Count:N0} rows (or on the simulator calibrated on them), " +
                     $"evaluated on the {holdout.Count:N0} held-out rows (seed {options.Seed}); profit per 1,000 customers " +
                     "= spend - e-mail costs, in dollars, with 95% intervals");
        var csv = new List<IReadOnlyList<string>>();
        var results = run.Progress($"{costs.Length} cost(s) x 4 trained policies", costs.Length * 4, p =>
            costs.Select((cost, i) => MarketingStudy.Run(train, holdout, cost, options,
                new Progress(x => p.Report(i * 4 + x)))).ToList());
        for (int i = 0; i < costs.Length; i++)
        {
            c.MarkupLine($"[bold]cost ${F(costs[i])} per e-mail[/]");
            var table = new Table().AddColumns("policy", "replay (held-out)", "IPS (held-out)", "simulator (held-out cells)",
                                               "no e-mail / Mens / Womens");
            foreach (var r in results[i])
            {
                table.AddRow(Markup.Escape(r.Policy), Interval(r.Replay), Interval(r.Ips), F(r.SimulatorPer1000, "0"),
                    string.Join(" / ", r.ArmFractions.Select(f => $"{F(100 * f, "0")}%")));
                csv.Add([F(costs[i]), r.Policy, F(r.Replay.Per1000, "0.##"), F(r.Replay.HalfWidthPer1000, "0.##"),
                    r.Replay.Matched.ToString(), F(r.Ips.Per1000, "0.##"), F(r.Ips.HalfWidthPer1000, "0.##"),
                    F(r.SimulatorPer1000, "0.##"), .. r.ArmFractions.Select(f => F(f, "0.####"))]);
            }
            c.Write(table);
            var learned = results[i].Where(r => r.Learned).ToList();
            double baseline = results[i].Where(r => !r.Learned && r.Policy is "never send" or "always Mens").Max(r => r.Replay.Mean);
            c.MarkupLine($"  learned policies at least as good as the better of never send / always Mens (replay): " +
                         $"{learned.Count(r => r.Replay.Mean >= baseline)} of {learned.Count}");
        }
        run.Rows("marketing-policies.csv", ["cost", "policy", "replay_per_1000", "replay_halfwidth", "replay_rows", "ips_per_1000",
            "ips_halfwidth", "simulator_per_1000", "share_none", "share_mens", "share_womens"], csv);

        SimulatorCurves(run, full, options);
        return run.Done($"{log.Count:N0} log rows, costs {string.Join(", ", costs.Select(x => "$" + F(x)))}, seed {run.Seed}");
    }

    private static void PrintLog(IAnsiConsole c, IReadOnlyList<HillstromRow> log, string path)
    {
        var table = new Table().AddColumns("arm", "customers", "conversion", "spend per customer");
        foreach (var arm in EmailArms.All)
        {
            var rows = log.Where(r => r.Arm == arm).ToList();
            table.AddRow(arm.Label(), rows.Count.ToString("N0"), $"{F(100 * rows.Average(r => r.Conversion ? 1.0 : 0), "0.00")}%",
                $"${F(rows.Average(r => r.Spend), "0.0000")}");
        }
        c.MarkupLine($"[bold]log[/] {Markup.Escape(path)}: {log.Count:N0} rows");
        c.Write(table);
    }

    private static void PrintCalibration(RlRun run, CustomerPopulation sim, IReadOnlyList<HillstromRow> log)
    {
        var c = run.Console;
        c.MarkupLine($"[bold]calibration[/] on all rows: conversion per cell of men's buyer x new x recency band x history band " +
                     $"(48 cells) per arm, shrunk toward the coarser cell with {F(sim.PriorRows, "0")} pseudo-rows; spend per " +
                     "buyer per men's buyer x new cell");
        var coarse = UpliftCheck.Compare(sim, log);
        var table = new Table().AddColumns("segment", "customers", "e-mail", "log uplift per customer (95%)", "simulator uplift", "inside");
        foreach (var r in coarse)
            table.AddRow(Markup.Escape(r.Segment), r.Customers.ToString("N0"), r.Arm.Label(),
                $"${F(r.LogUplift, "0.000")} +/- {F(r.HalfWidth95, "0.000")}", $"${F(r.SimulatorUplift, "0.000")}",
                r.Within ? "yes" : "[red]no[/]");
        c.Write(table);
        var fine = UpliftCheck.Compare(sim, log, fine: true);
        c.MarkupLine($"fine cells: simulator uplift inside the log's 95% interval in {fine.Count(r => r.Within)} of {fine.Count} " +
                     "(cell x e-mail)");
        run.Rows("marketing-uplift.csv", ["segment", "email", "customers", "log_uplift", "log_halfwidth95", "simulator_uplift", "inside"],
            coarse.Concat(fine).Select(r => (IReadOnlyList<string>)[r.Segment, r.Arm.Label(), r.Customers.ToString(),
                F(r.LogUplift, "0.####"), F(r.HalfWidth95, "0.####"), F(r.SimulatorUplift, "0.####"), r.Within ? "yes" : "no"]));
        run.Rows("marketing-calibration.csv", ["cell", "arm", "rows", "buyers", "raw_rate", "rate", "spend_per_buyer"],
            sim.Cells.Select(x => (IReadOnlyList<string>)[SegmentCell.FineName(x.Fine), x.Arm.Label(), x.Rows.ToString(),
                x.Buyers.ToString(), F(x.RawRate, "0.######"), F(x.Rate, "0.######"), F(x.SpendPerBuyer, "0.##")]));
    }

    /// <summary>Learning in the simulator calibrated on the whole log, at the first cost: regret curves and who
    /// gets which e-mail.</summary>
    private static void SimulatorCurves(RlRun run, CustomerPopulation sim, MarketingStudyOptions o)
    {
        var experiment = new MarketingExperiment(sim);
        IMarketingAgent[] agents =
        [
            new FixedPolicy(EmailArm.None), new FixedPolicy(EmailArm.Mens), new ContextFreeBandit(),
            new LinUcb(Customer.FeatureCount, o.LinUcbAlpha), new SoftmaxPolicyGradient(Customer.FeatureCount, o.PgAlpha),
        ];
        int n = o.SimulatorCustomers, every = Math.Max(1, n / 500);
        var results = run.Progress($"{agents.Length} agents x {n:N0} simulated customers", agents.Length * n, p =>
            agents.Select((a, i) => experiment.Run(a, n, o.Seed, every, p.Counter(i * n))).ToList());
        var (best, bestArms) = experiment.Best();
        var c = run.Console;
        c.MarkupLine($"[bold]in the simulator calibrated on all rows[/] (cost ${F(sim.CostPerEmail)}; {n:N0} customers per agent): " +
                     "expected profit per 1,000 customers of the final policy");
        var table = new Table().AddColumns("policy", "profit / 1,000", "gap to best", "no e-mail / Mens / Womens",
                                           "regret / 1,000 while learning");
        table.AddRow("[bold]best possible[/]", F(best), "0.00", Shares(bestArms), "-");
        foreach (var r in results)
            table.AddRow(Markup.Escape(r.Agent), F(r.FinalProfitPer1000), F(best - r.FinalProfitPer1000), Shares(r.FinalArmFractions),
                r.CumulativeRegret.Length > 0 ? F(1000 * r.CumulativeRegret[^1] / (r.CumulativeRegret.Length * r.RegretEvery)) : "-");
        c.Write(table);
        var learners = agents.Where(a => a is LinUcb or SoftmaxPolicyGradient).ToList();
        var segments = experiment.Segments(learners.Select(a => a.AsPolicy()).ToList());
        run.Rows("marketing-segments.csv",
            ["segment", "share", "mens_uplift", "womens_uplift", "best_none", "best_mens", "best_womens",
             .. learners.SelectMany(a => EmailArms.All.Select(arm => $"{a.Name} {arm.Label()}"))],
            segments.Select(r => (IReadOnlyList<string>)[r.Segment, F(r.Share, "0.####"), F(r.MensUplift, "0.####"),
                F(r.WomensUplift, "0.####"), .. r.Best.Select(f => F(f, "0.####")),
                .. r.Policies.SelectMany(p => p.Select(f => F(f, "0.####")))]));
        double[] xs = Enumerable.Range(1, results[0].CumulativeRegret.Length).Select(i => (double)i * every).ToArray();
        run.Lines("marketing-regret.png",
            $"Marketing simulator: cumulative expected regret vs the best policy (cost ${F(sim.CostPerEmail)})", "customers", "cumulative regret ($)", results.Select(r => new LineSeries(r.Agent, xs, r.CumulativeRegret)).ToList(),
            legend: LegendCorner.UpperLeft, style: ChartStyle.Curves);
        run.Columns("marketing-regret.csv", ["customers", .. results.Select(r => r.Agent)], [xs, .. results.Select(r => r.CumulativeRegret)]);
    }

    private static string Interval(OffPolicyEstimate e) => $"{F(e.Per1000, "0")} +/- {F(e.HalfWidthPer1000, "0")}";

    private static string Shares(double[] f) => string.Join(" / ", f.Select(x => $"{F(100 * x, "0")}%"));

    /// <summary>Forwards reports synchronously (System.Progress would post them to the thread pool).</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
