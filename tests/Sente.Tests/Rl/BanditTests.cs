using Sente.Core;
using Sente.Rl.Bandits;

namespace Sente.Tests.Rl;

/// <summary>The 10-armed testbed, 1000 runs x 1000 steps per method, seed 7 (the book uses 2000 runs; `sente rl bandit`
/// does, and the slow test below pins docs/RL.md's numbers at that size). The experiment is seeded per run and summed
/// in a fixed order, so the curves are exact (the CSVs of `sente rl bandit` are byte-identical with
/// DOTNET_PROCESSOR_COUNT=1 and on 2 cores); the values are pinned, and each test also states the book's claim.</summary>
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
        Assert.Equal(0.355, greedy.FinalOptimal(), 6);
        Assert.Equal(1.037689, greedy.MeanReward, 6);
    }

    [Fact]
    public void EpsilonPointOneNeverExceeds91PercentOptimalAndBeatsGreedy()
    {
        var eps = Run(() => new EpsilonGreedy(Arms, 0.1));
        Assert.Equal(0.805, eps.OptimalFraction.Max(), 6); // the book's ceiling: 1 - 0.1 + 0.1 / 10 = 0.91
        Assert.Equal(0.78572, eps.FinalOptimal(), 6);
        Assert.Equal(1.325418, eps.MeanReward, 6);         // greedy: 1.037689
    }

    [Fact]
    public void UcbSpikesAtStep11AndHasTheBestMeanReward()
    {
        var ucb = Run(() => new Ucb(Arms, 2));
        // Steps are 1-based in the book: index 10 is step 11, the first step after every arm was tried once.
        Assert.Equal(0.024094, ucb.AverageReward[9], 6);
        Assert.Equal(1.108530, ucb.AverageReward[10], 6);
        Assert.Equal(0.900911, ucb.AverageReward[11], 6);
        Assert.Equal(1.417062, ucb.MeanReward, 6);                            // eps 0.1: 1.325418, greedy 1.037689
        Assert.Equal(1.513744, ucb.AverageReward.TakeLast(100).Average(), 6); // best possible ~1.54
    }

    [Fact]
    public void OptimisticInitialValuesBeatRealisticEpsilonGreedyLate()
    {
        var optimistic = Run(() => new EpsilonGreedy(Arms, 0, initialValue: 5, stepSize: 0.1));
        var realistic = Run(() => new EpsilonGreedy(Arms, 0.1, initialValue: 0, stepSize: 0.1));
        Assert.Equal(0.8645, optimistic.FinalOptimal(), 6);
        Assert.Equal(0.75445, realistic.FinalOptimal(), 6);
    }

    [Fact]
    public void GradientBanditWithBaselineClearlyBeatsWithout()
    {
        var with = Run(() => new GradientBandit(Arms, 0.1, baseline: true), mean: 4);
        var without = Run(() => new GradientBandit(Arms, 0.1, baseline: false), mean: 4);
        Assert.Equal(0.85485, with.FinalOptimal(), 6);
        Assert.Equal(0.47005, without.FinalOptimal(), 6);
    }

    [Fact]
    public void ThompsonSamplingLearnsTheOptimalArm()
    {
        var ts = Run(() => new ThompsonSampling(Arms));
        Assert.Equal(0.9217, ts.FinalOptimal(), 6);
        Assert.Equal(1.499364, ts.MeanReward, 6);
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

    /// <summary>docs/RL.md's numbers: the book's full size, 2000 runs x 1000 steps, seed 1, as `sente rl bandit`
    /// (mean reward over all steps / fraction optimal over the last 100).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void BookSizeTestbedReproducesTheDocumentedNumbers()
    {
        BanditCurves Full(Func<IBanditAgent> agent, double mean = 0) => BanditExperiment.Run("m", agent, 2000, 1000, 1, Arms, mean);
        var greedy = Full(() => new EpsilonGreedy(Arms, 0));
        var eps01 = Full(() => new EpsilonGreedy(Arms, 0.01));
        var eps = Full(() => new EpsilonGreedy(Arms, 0.1));
        var optimistic = Full(() => new EpsilonGreedy(Arms, 0, initialValue: 5, stepSize: 0.1));
        var realistic = Full(() => new EpsilonGreedy(Arms, 0.1, initialValue: 0, stepSize: 0.1));
        var ucb = Full(() => new Ucb(Arms, 2));
        var ts = Full(() => new ThompsonSampling(Arms));
        Assert.Equal(1.005368, greedy.MeanReward, 6);
        Assert.Equal(0.34708, greedy.FinalOptimal(), 6);
        Assert.Equal(1.188354, eps01.MeanReward, 6);
        Assert.Equal(0.606095, eps01.FinalOptimal(), 6);
        Assert.Equal(1.289832, eps.MeanReward, 6);
        Assert.Equal(0.78253, eps.FinalOptimal(), 6);
        Assert.Equal(0.85395, optimistic.FinalOptimal(), 6);
        Assert.Equal(0.7466, realistic.FinalOptimal(), 6);
        Assert.Equal(1.283626, optimistic.MeanReward, 6);
        Assert.Equal(1.242623, realistic.MeanReward, 6);
        Assert.Equal(1.377660, ucb.MeanReward, 6);
        Assert.Equal(0.85044, ucb.FinalOptimal(), 6);
        Assert.Equal(-0.063492, ucb.AverageReward[9], 6);
        Assert.Equal(1.043983, ucb.AverageReward[10], 6);
        Assert.Equal(0.943283, ucb.AverageReward[11], 6);
        Assert.Equal(1.456250, ts.MeanReward, 6);
        Assert.Equal(0.915415, ts.FinalOptimal(), 6);
        Assert.Equal(0.842585, Full(() => new GradientBandit(Arms, 0.1, true), 4).FinalOptimal(), 6);
        Assert.Equal(0.49187, Full(() => new GradientBandit(Arms, 0.1, false), 4).FinalOptimal(), 6);
        Assert.Equal(0.722825, Full(() => new GradientBandit(Arms, 0.4, true), 4).FinalOptimal(), 6);
        Assert.Equal(0.26188, Full(() => new GradientBandit(Arms, 0.4, false), 4).FinalOptimal(), 6);
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
