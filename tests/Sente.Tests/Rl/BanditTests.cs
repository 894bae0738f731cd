using Sente.Core;
using Sente.Rl.Bandits;

namespace Sente.Tests.Rl;

/// <summary>The 10-armed testbed, 1000 runs x 1000 steps per method (the book uses 2000 runs; `sente rl bandit` does):
/// large enough that the tolerances below are several standard errors wide, small enough to stay fast.</summary>
public class BanditTests
{
    private const int Runs = 1000, Steps = 1000, Arms = 10;
    private const ulong Seed = 7;

    private static BanditCurves Run(Func<IBanditAgent> agent, double mean = 0) =>
        BanditExperiment.Run("m", agent, Runs, Steps, Seed, Arms, mean);

    [Fact]
    public void GreedyFindsTheOptimalArmInAboutAThirdOfTasks()
    {
        var greedy = Run(() => new EpsilonGreedy(Arms, 0));
        Assert.InRange(greedy.FinalOptimal(), 0.28, 0.40);
    }

    [Fact]
    public void EpsilonPointOneNeverExceeds91PercentOptimalAndBeatsGreedy()
    {
        var eps = Run(() => new EpsilonGreedy(Arms, 0.1));
        var greedy = Run(() => new EpsilonGreedy(Arms, 0));
        Assert.True(eps.OptimalFraction.Max() <= 0.91, $"max {eps.OptimalFraction.Max()}");
        Assert.InRange(eps.FinalOptimal(), 0.72, 0.86);
        Assert.True(eps.MeanReward > greedy.MeanReward + 0.15, $"eps {eps.MeanReward} greedy {greedy.MeanReward}");
    }

    [Fact]
    public void UcbSpikesAtStep11AndHasTheBestMeanReward()
    {
        var ucb = Run(() => new Ucb(Arms, 2));
        // Steps are 1-based in the book: index 10 is step 11, the first step after every arm was tried once.
        Assert.True(ucb.AverageReward[10] > ucb.AverageReward[9] + 0.5, $"step 10 {ucb.AverageReward[9]}, step 11 {ucb.AverageReward[10]}");
        Assert.True(ucb.AverageReward[10] > ucb.AverageReward[11] + 0.05, $"step 11 {ucb.AverageReward[10]}, step 12 {ucb.AverageReward[11]}");
        foreach (double eps in new[] { 0.0, 0.01, 0.1 })
        {
            var other = Run(() => new EpsilonGreedy(Arms, eps));
            Assert.True(ucb.MeanReward > other.MeanReward + 0.03, $"UCB {ucb.MeanReward} vs eps {eps}: {other.MeanReward}");
        }
        Assert.InRange(ucb.AverageReward.TakeLast(100).Average(), 1.35, 1.55); // best possible ~1.54
    }

    [Fact]
    public void OptimisticInitialValuesBeatRealisticEpsilonGreedyLate()
    {
        var optimistic = Run(() => new EpsilonGreedy(Arms, 0, initialValue: 5, stepSize: 0.1));
        var realistic = Run(() => new EpsilonGreedy(Arms, 0.1, initialValue: 0, stepSize: 0.1));
        Assert.True(optimistic.FinalOptimal() > realistic.FinalOptimal() + 0.05,
            $"optimistic {optimistic.FinalOptimal()} realistic {realistic.FinalOptimal()}");
    }

    [Fact]
    public void GradientBanditWithBaselineClearlyBeatsWithout()
    {
        var with = Run(() => new GradientBandit(Arms, 0.1, baseline: true), mean: 4);
        var without = Run(() => new GradientBandit(Arms, 0.1, baseline: false), mean: 4);
        Assert.True(with.FinalOptimal() > without.FinalOptimal() + 0.2, $"with {with.FinalOptimal()} without {without.FinalOptimal()}");
        Assert.InRange(with.FinalOptimal(), 0.75, 0.92);
    }

    [Fact]
    public void ThompsonSamplingLearnsTheOptimalArm()
    {
        var ts = Run(() => new ThompsonSampling(Arms));
        Assert.True(ts.FinalOptimal() > 0.85, $"{ts.FinalOptimal()}");
    }

    [Fact]
    public void ArgMaxBreaksTiesUniformly()
    {
        var rng = new Rng(3);
        var counts = new int[3];
        double[] values = [1, 5, 5];
        for (int i = 0; i < 3000; i++) counts[BanditMath.ArgMaxRandomTies(values, rng)]++;
        Assert.Equal(0, counts[0]);
        Assert.InRange(counts[1], 1350, 1650);
    }

    [Fact]
    public void ExperimentIsDeterministicForASeed()
    {
        // Many runs per chunk and several chunks in flight: the sums must not depend on scheduling.
        for (int repeat = 0; repeat < 5; repeat++)
        {
            var a = BanditExperiment.Run("a", () => new EpsilonGreedy(Arms, 0.1), 500, 200, 11);
            var b = BanditExperiment.Run("b", () => new EpsilonGreedy(Arms, 0.1), 500, 200, 11);
            Assert.Equal(a.AverageReward, b.AverageReward);
            Assert.Equal(a.OptimalFraction, b.OptimalFraction);
        }
    }

    /// <summary>The book's full size, 2000 runs x 1000 steps, for the claims of Sec. 2.3-2.8 at once.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void BookSizeTestbedReproducesTheChapterTwoClaims()
    {
        BanditCurves Full(Func<IBanditAgent> agent, double mean = 0) => BanditExperiment.Run("m", agent, 2000, 1000, 21, Arms, mean);
        var greedy = Full(() => new EpsilonGreedy(Arms, 0));
        var eps = Full(() => new EpsilonGreedy(Arms, 0.1));
        var ucb = Full(() => new Ucb(Arms, 2));
        var with = Full(() => new GradientBandit(Arms, 0.1, true), 4);
        var without = Full(() => new GradientBandit(Arms, 0.1, false), 4);
        Assert.InRange(greedy.FinalOptimal(), 0.29, 0.39);
        Assert.True(eps.OptimalFraction.Max() <= 0.91);
        Assert.True(ucb.AverageReward[10] > ucb.AverageReward[9] + 0.5 && ucb.AverageReward[10] > ucb.AverageReward[11]);
        Assert.True(ucb.MeanReward > eps.MeanReward && ucb.MeanReward > greedy.MeanReward);
        Assert.True(with.FinalOptimal() > without.FinalOptimal() + 0.2);
    }

    /// <summary>Epsilon 0.01 explores less, so it eventually overtakes epsilon 0.1 (Sec. 2.3); 5000 steps.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void EpsilonPointZeroOneEventuallyBeatsPointOne()
    {
        var small = BanditExperiment.Run("0.01", () => new EpsilonGreedy(Arms, 0.01), 1000, 5000, 22);
        var large = BanditExperiment.Run("0.1", () => new EpsilonGreedy(Arms, 0.1), 1000, 5000, 22);
        double smallLate = small.AverageReward.TakeLast(1000).Average(), largeLate = large.AverageReward.TakeLast(1000).Average();
        Assert.True(smallLate > largeLate, $"eps 0.01: {smallLate}, eps 0.1: {largeLate}");
        Assert.True(small.AverageReward.Take(200).Average() < large.AverageReward.Take(200).Average());
    }
}
