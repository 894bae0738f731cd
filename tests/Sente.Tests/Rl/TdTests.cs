using Sente.Core;
using Sente.Rl.Mdp;
using Sente.Rl.Td;

namespace Sente.Tests.Rl;

public class TdTests
{
    private static readonly double[] Figure41 =
        [0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0];

    private static int RandomAction(int state, Rng rng) => rng.NextInt(4);

    /// <summary>docs/RL.md's Cliff Walking numbers, at the same settings as `sente rl cliff` (alpha 0.5, eps 0.1,
    /// 100 runs x 500 episodes, seed 1). The runs are seeded and summed in a fixed order, so the values are exact
    /// (checked identical with DOTNET_PROCESSOR_COUNT=1 and on 2 cores). Book (Figure 6.4): Sarsa about -25, Q-learning
    /// about -50 online; Q-learning's greedy path is the 13-step edge, Sarsa's the 17-step safe path.</summary>
    [Fact]
    public void CliffWalkingReproducesTheDocumentedNumbers()
    {
        var options = new TdOptions(Alpha: 0.5, Epsilon: 0.1, Gamma: 1, Episodes: 500);
        var sarsa = CliffExperiment.Run(TdMethod.Sarsa, 100, options, seed: 1);
        var expected = CliffExperiment.Run(TdMethod.ExpectedSarsa, 100, options, seed: 1);
        var q = CliffExperiment.Run(TdMethod.QLearning, 100, options, seed: 1);
        // Returns are integers averaged over 100 runs: exact to 4 decimals.
        Assert.Equal(-35.94136, sarsa.MeanReturns.Average(), 4);
        Assert.Equal(-26.623, sarsa.MeanReturns.TakeLast(100).Average(), 4);
        Assert.Equal(-28.3381, expected.MeanReturns.Average(), 4);
        Assert.Equal(-21.1572, expected.MeanReturns.TakeLast(100).Average(), 4);
        Assert.Equal(-56.12538, q.MeanReturns.Average(), 4);
        Assert.Equal(-49.969, q.MeanReturns.TakeLast(100).Average(), 4);
        Assert.Equal(100, q.GreedyReturns.Count(r => r == -13));
        Assert.Equal(100, expected.GreedyReturns.Count(r => r == -15));
        Assert.Equal(74, sarsa.GreedyReturns.Count(r => r == -17));
    }

    [Fact]
    public void CliffWalkingIsIdenticalForAnyScheduling()
    {
        var options = new TdOptions(Alpha: 0.5, Epsilon: 0.1, Gamma: 1, Episodes: 100);
        var a = CliffExperiment.Run(TdMethod.QLearning, 70, options, seed: 5);
        var b = CliffExperiment.Run(TdMethod.QLearning, 70, options, seed: 5);
        Assert.Equal(a.MeanReturns, b.MeanReturns);
        Assert.Equal(a.GreedyReturns, b.GreedyReturns);
    }

    /// <summary>docs/RL.md's sampled estimates of v_pi, at the settings of `sente rl gridworld` (seed 1: environment
    /// seed 1, Monte Carlo generator 2, TD(0) generator 3; 10,000 episodes; TD alpha 0.01). Single-threaded, exact.</summary>
    [Fact]
    public void MonteCarloAndTd0PredictTheRandomPolicyValues()
    {
        var env = new MdpEnvironment(GridWorld.Example41(), startState: null, seed: 1);
        var mc = Prediction.MonteCarlo(env, RandomAction, 10_000, 1.0, new Rng(2));
        var td = Prediction.Td0(env, RandomAction, 10_000, 0.01, 1.0, new Rng(3));
        Assert.Equal(0.3678, Enumerable.Range(0, 16).Max(s => Math.Abs(mc[s] - Figure41[s])), 4);
        Assert.Equal(0.6688, Enumerable.Range(0, 16).Max(s => Math.Abs(td[s] - Figure41[s])), 4);
        Assert.Equal(-22.3028, mc[3], 4);
        Assert.Equal(-21.5139, td[3], 4);
    }

    [Fact]
    public void MonteCarloControlFindsShortestPathsOnTheGridworld()
    {
        var mdp = GridWorld.Example41();
        var env = new MdpEnvironment(mdp, startState: null, maxSteps: 200, seed: 6);
        var result = MonteCarloControl.Train(env, 5000, 0.1, 1.0, new Rng(7));
        int optimal = 0;
        for (int s = 1; s < 15; s++)
        {
            var start = new MdpEnvironment(mdp, startState: s);
            int steps = Math.Min(s / 4 + s % 4, 6 - s / 4 - s % 4);
            if (TdControl.GreedyEpisode(start, result.Q, 50).Return == -steps) optimal++;
        }
        Assert.True(optimal >= 13, $"{optimal} of 14 states follow a shortest path");
    }

    [Fact]
    public void EnvironmentRejectsStepsAfterTheEnd()
    {
        var env = new MdpEnvironment(GridWorld.Example41(), startState: 1);
        env.Reset();
        var step = env.Step(GridWorld.Left);
        Assert.True(step.Terminated);
        Assert.Equal(-1, step.Reward);
        Assert.Throws<InvalidOperationException>(() => env.Step(GridWorld.Left));
        env.Reset();
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(4));
    }

    [Fact]
    public void EpisodeRunnerPlaysReproducibleEpisodesAndWritesCsv()
    {
        var env = new Sente.Rl.PolicyGradient.CartPole();
        // Push towards the side the pole leans: balances for a while but drifts out.
        Func<double[], int> lean = s => s[2] + 0.5 * s[3] > 0 ? 1 : 0;
        var a = Sente.Rl.Environments.EpisodeRunner.Run(env, lean, 5, seed: 10);
        var b = Sente.Rl.Environments.EpisodeRunner.Run(env, lean, 5, seed: 10);
        Assert.Equal(a.Returns, b.Returns);
        Assert.Equal(5, a.Terminated + a.Truncated);
        Assert.All(a.Lengths, l => Assert.InRange(l, 10, 500));
        string path = Path.Combine(Path.GetTempPath(), $"sente-episodes-{Guid.NewGuid():N}.csv");
        try
        {
            a.WriteCsv(path);
            var lines = File.ReadAllLines(path);
            Assert.Equal("episode,return,length", lines[0]);
            Assert.Equal(6, lines.Length);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MdpEnvironmentSamplesStochasticOutcomesByProbability()
    {
        // State 0: the action leads to terminal state 1 with probability 0.3 (reward 1), else stays (reward 0).
        var model = new Transition[][][]
        {
            [[new Transition(0.3, 1, 1.0), new Transition(0.7, 0, 0.0)]],
            [[new Transition(1.0, 1, 0.0)]],
        };
        var mdp = new TabularMdp(model, [false, true], gamma: 1.0);
        var env = new MdpEnvironment(mdp, startState: 0, maxSteps: 1, seed: 12);
        int hits = 0;
        for (int i = 0; i < 10_000; i++)
        {
            env.Reset();
            var step = env.Step(0);
            Assert.True(step.Terminated ^ step.Truncated);
            if (step.Terminated) { hits++; Assert.Equal(1.0, step.Reward); }
        }
        Assert.InRange(hits, 2850, 3150);
        // v(0) = 0.3 * 1 + 0.7 * v(0) => v(0) = 1.
        Assert.Equal(1.0, DynamicProgramming.ValueIteration(mdp).Values[0], 6);
    }
}
