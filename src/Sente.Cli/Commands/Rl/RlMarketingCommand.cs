using System.CommandLine;
using Sente.Charts;
using Sente.Rl.Marketing;
using Sente.Rl.Reporting;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl marketing`: which customers get the campaign e-mail, on a population calibrated on the
/// Hillstrom e-mail test.</summary>
public static class RlMarketingCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("marketing", "The marketing agent: send the campaign e-mail or not, reward = revenue - cost, " +
                                               "on a simulated population calibrated on the Hillstrom e-mail test (0.57% / 1.25% " +
                                               "conversion without / with the e-mail, $114.53 per purchase). Compares always send, " +
                                               "never send, a context-free bandit, LinUCB and a logistic policy trained by policy " +
                                               "gradient with the best possible policy; plots regret.");
        var seed = Seed();
        var outDir = Out("marketing");
        var customersOpt = Positive("--customers", "Customers in the learning stream (each agent sees the same stream)", 200_000);
        var costOpt = new Option<double>("--cost") { Description = "Cost per e-mail in dollars", DefaultValueFactory = _ => 0.5 };
        var linUcbAlphaOpt = new Option<double>("--linucb-alpha") { Description = "LinUCB exploration width in dollars", DefaultValueFactory = _ => DefaultLinUcbAlpha };
        var pgAlphaOpt = new Option<double>("--pg-alpha") { Description = "Step size of the logistic policy gradient", DefaultValueFactory = _ => DefaultPgAlpha };
        foreach (Option o in new Option[] { seed, outDir, customersOpt, costOpt, linUcbAlphaOpt, pgAlphaOpt }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            int customers = RequirePositive(parse.GetValue(customersOpt), "--customers");
            double cost = parse.GetValue(costOpt);
            if (!(cost >= 0)) throw new CliException($"--cost must be >= 0 (got {cost})");
            ulong s = parse.GetValue(seed);
            string dir = PrepareOut(parse.GetValue(outDir)!);
            var population = CustomerPopulation.Calibrated(cost);
            var experiment = new MarketingExperiment(population);
            double linUcbAlpha = parse.GetValue(linUcbAlphaOpt), pgAlpha = parse.GetValue(pgAlphaOpt);
            if (!(linUcbAlpha >= 0)) throw new CliException($"--linucb-alpha must be >= 0 (got {linUcbAlpha})");
            if (!(pgAlpha > 0)) throw new CliException($"--pg-alpha must be positive (got {pgAlpha})");
            IMarketingAgent[] agents = Agents(linUcbAlpha, pgAlpha);
            int every = Math.Max(1, customers / 500);
            var results = RlProgress.Run(ctx, $"{agents.Length} agents x {customers:N0} customers", agents.Length * customers, p =>
                agents.Select((a, i) => experiment.Run(a, customers, s, every, RlProgress.Offset(p, i * customers))).ToList());

            var (best, bestFraction) = experiment.Best();
            var c = ctx.Console;
            c.MarkupLine($"calibration: a0 = {F(population.BaseIntercept, "0.000")}, k = {F(population.UpliftScale, "0.0000")}; " +
                         $"revenue per purchase ${F(CustomerPopulation.RevenuePerConversion)}; cost per e-mail ${F(cost)}");
            var table = new Table().AddColumns("policy", "profit / 1,000 (final policy)", "gap to best", "e-mailed",
                                               "profit / 1,000 while learning", "regret / 1,000 while learning");
            table.AddRow("[bold]best possible[/]", F(best), "0.00", $"{F(100 * bestFraction, "0.0")}%", "-", "-");
            foreach (var r in results)
                table.AddRow(Markup.Escape(r.Agent), F(r.FinalProfitPer1000), F(best - r.FinalProfitPer1000),
                    $"{F(100 * r.FinalSendFraction, "0.0")}%", F(r.OnlineProfitPer1000),
                    F(1000 * r.CumulativeRegret[^1] / (r.CumulativeRegret.Length * r.RegretEvery)));
            c.Write(table);

            var learners = agents.Where(a => a is LinUcb or LogisticPolicyGradient).ToList();
            var segments = experiment.Segments(learners);
            var segTable = new Table().AddColumns(["segment", "customers", "e-mail value", "best", .. learners.Select(a => Markup.Escape(a.Name))]);
            foreach (var row in segments)
                segTable.AddRow([Markup.Escape(row.Segment), $"{F(100 * row.Share, "0.0")}%", $"${F(row.UpliftValue)}",
                    $"{F(100 * row.BestSendFraction, "0")}%", .. row.SendFractions.Select(f => $"{F(100 * f, "0")}%")]);
            c.MarkupLine($"[bold]who gets the e-mail[/] (e-mail value = expected extra revenue per customer; worth sending above ${F(cost)})");
            c.Write(segTable);
            CsvTable.WriteRows(Path.Combine(dir, "marketing-segments.csv"),
                ["segment", "share", "email_value", "best_send_fraction", .. learners.Select(a => a.Name + " send_fraction")],
                segments.Select(r => (IReadOnlyList<string>)[r.Segment, F(r.Share, "0.####"), F(r.UpliftValue, "0.####"),
                    F(r.BestSendFraction, "0.####"), .. r.SendFractions.Select(f => F(f, "0.####"))]));

            double[] xs = Enumerable.Range(1, results[0].CumulativeRegret.Length).Select(i => (double)i * every).ToArray();
            Chart.SaveLines(Path.Combine(dir, "marketing-regret.png"),
                $"Marketing: cumulative expected regret vs the best policy (cost ${F(cost)} per e-mail)", "customers",
                "cumulative regret ($)", results.Select(r => new LineSeries(r.Agent, xs, r.CumulativeRegret)).ToList(),
                legend: LegendCorner.UpperLeft);
            CsvTable.WriteColumns(Path.Combine(dir, "marketing-regret.csv"), ["customers", .. results.Select(r => r.Agent)],
                [xs, .. results.Select(r => r.CumulativeRegret)]);
            CsvTable.WriteRows(Path.Combine(dir, "marketing-summary.csv"),
                ["policy", "final_profit_per_1000", "gap_to_best", "send_fraction", "online_profit_per_1000"],
                results.Select(r => (IReadOnlyList<string>)[r.Agent, F(r.FinalProfitPer1000, "0.####"),
                    F(best - r.FinalProfitPer1000, "0.####"), F(r.FinalSendFraction, "0.####"), F(r.OnlineProfitPer1000, "0.####")])
                    .Prepend(["best possible", F(best, "0.####"), "0", F(bestFraction, "0.####"), ""]));
            c.MarkupLine($"{customers:N0} customers, seed {s}; wrote marketing-regret.png and CSV to {Markup.Escape(dir)}");
            return 0;
        });
        return command;
    }

    private const double DefaultLinUcbAlpha = 20.0, DefaultPgAlpha = 0.1;

    /// <summary>The compared agents.</summary>
    private static IMarketingAgent[] Agents(double linUcbAlpha, double pgAlpha) =>
    [
        new FixedPolicy(true),
        new FixedPolicy(false),
        new ContextFreeBandit(),
        new LinUcb(Customer.FeatureCount, linUcbAlpha),
        new LogisticPolicyGradient(Customer.FeatureCount, pgAlpha),
    ];
}
