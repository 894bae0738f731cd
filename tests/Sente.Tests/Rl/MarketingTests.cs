using Sente.Core;
using Sente.Rl.Marketing;

namespace Sente.Tests.Rl;

/// <summary>The marketing agent on the real Hillstrom log (data/hillstrom/hillstrom.csv.gz).</summary>
public class MarketingTests
{
    private static readonly Lazy<IReadOnlyList<HillstromRow>> LogRows =
        new(() => HillstromLog.Load(RepoPaths.Data("hillstrom/hillstrom.csv.gz")));

    private static IReadOnlyList<HillstromRow> Log => LogRows.Value;

    [Fact]
    public void LoaderReadsAll64000RowsWithThreeArmsOfAboutAThirdEach()
    {
        Assert.Equal(64_000, Log.Count);
        // The published split: 21,306 no e-mail, 21,307 Mens, 21,387 Womens.
        Assert.Equal(21_306, Log.Count(r => r.Arm == EmailArm.None));
        Assert.Equal(21_307, Log.Count(r => r.Arm == EmailArm.Mens));
        Assert.Equal(21_387, Log.Count(r => r.Arm == EmailArm.Womens));
        // Published spend per customer: $0.6528 / $1.4226 / $1.0772.
        Assert.Equal(0.6528, Log.Where(r => r.Arm == EmailArm.None).Average(r => r.Spend), 4);
        Assert.Equal(1.4226, Log.Where(r => r.Arm == EmailArm.Mens).Average(r => r.Spend), 4);
        Assert.Equal(1.0772, Log.Where(r => r.Arm == EmailArm.Womens).Average(r => r.Spend), 4);
        var first = Log[0]; // 10,"2) $100 - $200",142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0.0
        Assert.Equal(new Customer(10, 142.44, true, false, false), first.Customer);
        Assert.Equal(EmailArm.Womens, first.Arm);
        Assert.Equal("Surburban", first.ZipCode);
    }

    [Theory]
    [InlineData("10,x,142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0.0\n1,x,1,1", "line 3: 4 fields")]
    [InlineData("13,x,142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0.0", "line 2, column recency")]
    [InlineData("1,x,142.44,1,0,Surburban,0,Phone,Kids E-Mail,0,0,0.0", "line 2, column segment")]
    [InlineData("1,x,142.44,2,0,Surburban,0,Phone,Mens E-Mail,0,0,0.0", "line 2, column mens: '2' is not 0 or 1")]
    [InlineData("1,x,142.44,1,0,Surburban,0,Phone,Mens E-Mail,0,0,abc", "line 2, column spend")]
    [InlineData("1,\"x,142.44,1,0,Surburban,0,Phone,Mens E-Mail,0,0,0", "line 2: unterminated quote")]
    [InlineData("1,x,142.44,1,0,Surburban,0,Phone,Mens E-Mail,0,0,20", "line 2: spend 20 without a conversion")]
    public void LoaderNamesTheLineAndColumnOfMalformedInput(string body, string message)
    {
        string text = string.Join(',', HillstromLog.Columns) + "\n" + body + "\n";
        var e = Assert.Throws<FormatException>(() => HillstromLog.Parse(new StringReader(text), "t.csv"));
        Assert.Contains("t.csv, " + message, e.Message);
        Assert.Throws<FormatException>(() => HillstromLog.Parse(new StringReader("a,b\n"), "t.csv"));
    }

    [Fact]
    public void ReplayOfFixedPoliciesEqualsTheMeanOutcomeOfTheMatchingRowsExactly()
    {
        foreach (double cost in new[] { 0.3, 0.5 })
        foreach (var arm in EmailArms.All)
        {
            var matching = Log.Where(r => r.Arm == arm).ToList();
            double mean = matching.Sum(r => r.Spend - (arm == EmailArm.None ? 0 : cost)) / matching.Count;
            var replay = OfflineEvaluation.Replay(Log, _ => arm, cost);
            Assert.Equal(matching.Count, replay.Matched);
            Assert.Equal(mean, replay.Mean, 12);
        }
        // IPS with the design propensity 1/3 differs from replay by the arm's share: n_arm / (n / 3).
        var ips = OfflineEvaluation.Ips(Log, _ => EmailArm.Mens, 0.5);
        var mens = OfflineEvaluation.Replay(Log, _ => EmailArm.Mens, 0.5);
        Assert.Equal(mens.Mean * mens.Matched / (Log.Count / 3.0), ips.Mean, 12);
    }

    [Fact]
    public void CalibratedSimulatorUpliftLiesInsideTheLogsIntervalInEverySegment()
    {
        var sim = CustomerPopulation.Calibrate(Log, 0.5);
        var coarse = UpliftCheck.Compare(sim, Log);
        Assert.Equal(8, coarse.Count); // 4 segments x 2 e-mails
        Assert.All(coarse, r => Assert.True(r.Within,
            $"{r.Segment} {r.Arm}: log {r.LogUplift:0.000} +/- {r.HalfWidth95:0.000}, sim {r.SimulatorUplift:0.000}"));
        // The 48 fine cells x 2 e-mails: 95% intervals miss about 1 in 20 even for a perfect model, and shrinkage pulls
        // small cells toward their coarse cell; measured 88 of 96 inside (m = 300 pseudo-rows).
        var fine = UpliftCheck.Compare(sim, Log, fine: true);
        Assert.Equal(96, fine.Count);
        Assert.Equal(88, fine.Count(r => r.Within));
    }

    [Fact]
    public void TheDataReversesTheOldSimulatorsSegmentOrder()
    {
        // Issue 25: existing customers without men's purchases respond to the Mens e-mail more than existing men's buyers,
        // and at $0.50 the Mens e-mail pays in all four men's buyer x new segments (barely for existing men's buyers).
        var rows = UpliftCheck.Compare(CustomerPopulation.Calibrate(Log, 0.5), Log).Where(r => r.Arm == EmailArm.Mens)
            .ToDictionary(r => r.Segment);
        Assert.True(rows["no men's, existing"].LogUplift > rows["men's buyers, existing"].LogUplift);
        Assert.All(rows.Values, r => Assert.True(r.LogUplift > 0.5, $"{r.Segment}: {r.LogUplift}"));
        Assert.InRange(rows["men's buyers, existing"].LogUplift, 0.5, 0.52);
    }

    [Fact]
    public void EnvironmentRewardsSpendMinusCost()
    {
        var sim = CustomerPopulation.Calibrate(Log, 0.5);
        var env = new MarketingEnvironment(sim, seed: 4);
        var spends = Log.Where(r => r.Conversion).Select(r => r.Spend).ToHashSet();
        for (int i = 0; i < 2000; i++)
        {
            var x = env.Reset();
            Assert.Equal(Customer.FeatureCount, x.Length);
            var step = env.Step((int)EmailArm.Mens);
            Assert.True(step.Terminated);
            Assert.True(step.Reward == -0.5 || spends.Contains(step.Reward + 0.5), $"{step.Reward}");
        }
        Assert.Throws<InvalidOperationException>(() => env.Step(0));
    }

    [Fact]
    public void SplitIsSeededAndDisjoint()
    {
        var (a, b) = HillstromLog.Split(Log, 0.5, 3);
        var (c, d) = HillstromLog.Split(Log, 0.5, 3);
        Assert.Equal(32_000, b.Count);
        Assert.Equal(a, c);
        Assert.Equal(b, d);
    }

    /// <summary>The study behind docs/RL.md's table at $0.50 (default options, seed 1): the fixed policies' replay
    /// values on the held-out half are data facts of the seeded split; the whole study is deterministic. Issue 25's bar
    /// (learned policies at least as good as the better of always/never, offline) is NOT met on this split, because the
    /// training half itself says the Mens e-mail does not pay at $0.50 (its uplift there is below $0.50): see docs/RL.md.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void StudyAtFiftyCentsReproducesTheDocumentedTable()
    {
        var options = new MarketingStudyOptions();
        var (train, holdout) = HillstromLog.Split(Log, options.HoldoutFraction, options.Seed);
        var rows = MarketingStudy.Run(train, holdout, 0.5, options).ToDictionary(r => r.Policy);
        Assert.Equal(MarketingStudy.PolicyCount, rows.Count);
        Assert.Equal(532.30, rows["never send"].Replay.Per1000, 2);
        Assert.Equal(1138.15, rows["always Mens"].Replay.Per1000, 2);
        Assert.Equal(384.15, rows["always Mens"].Replay.HalfWidthPer1000, 2);
        Assert.Equal(1030.45, rows["policy gradient, trained on log (replay)"].Replay.Per1000, 2);
        Assert.Equal(840.10, rows["LinUCB, trained in simulator"].Replay.Per1000, 2);
        // On the training half never-send beats always-Mens at $0.50, so the safe policy keeps everyone un-mailed.
        Assert.Equal(EmailArm.None, SafeSegmentPolicy.Fit(train, 0.5).Baseline);
        Assert.Equal(532.30, rows["safe per-segment (95% lower bound)"].Replay.Per1000, 2);
        var again = MarketingStudy.Run(train, holdout, 0.5, options);
        Assert.All(again, r => Assert.Equal(rows[r.Policy].Replay.Mean, r.Replay.Mean));
    }
}
