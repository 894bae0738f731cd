using Sente.Core;
using Sente.Rl.PolicyGradient;

namespace Sente.Tests.Rl;

public class PolicyGradientTests
{
    [Fact]
    public void CorridorClosedFormHasItsOptimumAtTwoMinusRootTwo()
    {
        double best = ShortCorridor.Value(ShortCorridor.OptimalPRight);
        Assert.Equal(-11.657, best, 3);
        Assert.True(ShortCorridor.Value(0.55) < best && ShortCorridor.Value(0.62) < best);
    }

    [Fact]
    public void CorridorSwitchesActionsInTheMiddleState()
    {
        var env = new ShortCorridor();
        env.Reset();
        Assert.Equal(0, env.Step(ShortCorridor.Left).Observation);  // wall
        Assert.Equal(1, env.Step(ShortCorridor.Right).Observation);
        Assert.Equal(0, env.Step(ShortCorridor.Right).Observation); // switched
        env.Step(ShortCorridor.Right);
        Assert.Equal(2, env.Step(ShortCorridor.Left).Observation);  // switched
        var last = env.Step(ShortCorridor.Right);
        Assert.True(last.Terminated);
        Assert.Equal(-1, last.Reward);
    }

    /// <summary>docs/RL.md's short-corridor numbers at the settings of `sente rl corridor` (100 runs x 1000 episodes,
    /// seed 1; deterministic: identical on 1 and 2 cores). Book (Figure 13.2): both approach v* = -11.66, the baseline
    /// version much faster.</summary>
    [Fact]
    public void ReinforceReproducesTheDocumentedNumbers()
    {
        const int runs = 100, episodes = 1000;
        var plain = CorridorExperiment.Run(Math.Pow(2, -13), null, runs, episodes, seed: 1);
        var baseline = CorridorExperiment.Run(Math.Pow(2, -9), Math.Pow(2, -6), runs, episodes, seed: 1);
        // Integer returns averaged over 100 runs: exact to 4 decimals.
        Assert.Equal(-49.2864, plain.Take(100).Average(), 4);
        Assert.Equal(-22.7313, plain.Skip(100).Take(200).Average(), 4);
        Assert.Equal(-12.3019, plain.TakeLast(100).Average(), 4);
        Assert.Equal(-19.8596, baseline.Take(100).Average(), 4);
        Assert.Equal(-12.10515, baseline.Skip(100).Take(200).Average(), 4);
        Assert.Equal(-11.9606, baseline.TakeLast(100).Average(), 4);
    }

    [Fact]
    public void CartPoleEulerStepMatchesGymnasium()
    {
        var env = new CartPole();
        env.SetState([0, 0, 0, 0]);
        var step = env.Step(1);
        double[] expected = [0, 0.19512195, 0, -0.29268293];
        for (int i = 0; i < 4; i++) Assert.True(Math.Abs(step.Observation[i] - expected[i]) < 1e-7, $"{i}: {step.Observation[i]}");
        Assert.Equal(1.0, step.Reward);
        Assert.False(step.Done);
        // Positions use the old velocities: a second step moves x by tau * 0.19512195.
        var second = env.Step(1);
        Assert.Equal(0.02 * 0.19512195, second.Observation[0], 7);
    }

    [Fact]
    public void CartPoleTerminatesPastTwelveDegreesAndTruncatesAtTheLimit()
    {
        var env = new CartPole();
        env.SetState([0, 0, 0.2094, 0.1]); // theta moves to 0.2114 > 0.2094395
        Assert.True(env.Step(1).Terminated);
        env.SetState([0, 0, 0.2094, 0]);   // theta stays below the threshold this step
        Assert.False(env.Step(1).Terminated);

        var truncating = new CartPole(seed: 2, maxSteps: 5);
        Assert.All(truncating.Reset(), x => Assert.InRange(x, -0.05, 0.05));
        bool terminated = false, truncated = false;
        for (int t = 0; t < 5; t++) { var r = truncating.Step(t % 2); terminated = r.Terminated; truncated = r.Truncated; }
        Assert.True(truncated && !terminated);
        Assert.Throws<InvalidOperationException>(() => truncating.Step(0));
    }

    [Fact]
    public void CartPoleReinforceSolvesOneSeedQuickly()
    {
        var run = CartPoleReinforce.Train(new CartPoleReinforceOptions(MaxEpisodes: 1000), seed: 2);
        Assert.True(run.SolvedAtEpisode is not null, $"best 100-episode average {run.Best100Average}");
        Assert.True(run.EpisodeReturns.TakeLast(100).Average() >= 475);
        // The trained policy keeps balancing on fresh episodes when played greedily.
        Assert.True(CartPoleReinforce.Evaluate(run.FinalPolicy, 20, seed: 500).Returns.Average() >= 400);
    }

    [Fact]
    public void CartPoleKeepTrainingUsesTheWholeBudget()
    {
        var run = CartPoleReinforce.Train(new CartPoleReinforceOptions(MaxEpisodes: 250, StopWhenSolved: false), seed: 2);
        Assert.Equal(250, run.EpisodeReturns.Length);
    }

    /// <summary>Gymnasium's "solved" on at least 3 of 5 seeds within a budget of 1500 episodes per seed.</summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(true)]
    [InlineData(false)]
    public void CartPoleReinforceSolvesAtLeastThreeOfFiveSeeds(bool baseline)
    {
        var options = new CartPoleReinforceOptions(MaxEpisodes: 1500, LearnedBaseline: baseline);
        var solved = new List<int?>();
        for (ulong seed = 11; seed < 16; seed++) solved.Add(CartPoleReinforce.Train(options, seed).SolvedAtEpisode);
        Assert.True(solved.Count(s => s is not null) >= 3, "solved at: " + string.Join(", ", solved.Select(s => s?.ToString() ?? "no")));
    }
}
