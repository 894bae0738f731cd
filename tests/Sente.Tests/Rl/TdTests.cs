using Sente.Core;
using Sente.Rl.Mdp;
using Sente.Rl.Td;

namespace Sente.Tests.Rl;

public class TdTests
{
    private static readonly double[] Figure41 =
        [0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0];

    private static int RandomAction(int state, Rng rng) => rng.NextInt(4);

    [Fact]
    public void CliffWalkingQLearningLearnsTheEdgePathAndSarsaHasBetterOnlineReturn()
    {
        var options = new TdOptions(Alpha: 0.5, Epsilon: 0.1, Gamma: 1, Episodes: 500);
        var q = CliffExperiment.Run(TdMethod.QLearning, 40, options, seed: 5);
        var sarsa = CliffExperiment.Run(TdMethod.Sarsa, 40, options, seed: 5);
        Assert.True(q.GreedyReturns.Count(r => r == -13) >= 38, string.Join(",", q.GreedyReturns));
        double qOnline = q.MeanReturns.Skip(100).Average(), sarsaOnline = sarsa.MeanReturns.Skip(100).Average();
        Assert.True(sarsaOnline > qOnline + 10, $"Sarsa {sarsaOnline}, Q-learning {qOnline}");
        Assert.InRange(qOnline, -70, -35); // Figure 6.4: about -50
        Assert.InRange(sarsaOnline, -40, -15); // Figure 6.4: about -25
    }

    [Fact]
    public void ExpectedSarsaOnlineReturnIsAtLeastSarsas()
    {
        var options = new TdOptions(Alpha: 0.5, Epsilon: 0.1, Gamma: 1, Episodes: 300);
        var expected = CliffExperiment.Run(TdMethod.ExpectedSarsa, 30, options, seed: 9);
        var sarsa = CliffExperiment.Run(TdMethod.Sarsa, 30, options, seed: 9);
        Assert.True(expected.MeanReturns.Skip(100).Average() > sarsa.MeanReturns.Skip(100).Average(),
            $"Expected Sarsa {expected.MeanReturns.Skip(100).Average()} Sarsa {sarsa.MeanReturns.Skip(100).Average()}");
    }

    [Fact]
    public void MonteCarloAndTd0PredictTheRandomPolicyValues()
    {
        var env = new MdpEnvironment(GridWorld.Example41(), startState: null, seed: 3);
        var mc = Prediction.MonteCarlo(env, RandomAction, 3000, 1.0, new Rng(4));
        var td = Prediction.Td0(env, RandomAction, 10000, 0.01, 1.0, new Rng(5));
        for (int s = 1; s < 15; s++)
        {
            Assert.True(Math.Abs(mc[s] - Figure41[s]) < 1.5, $"MC state {s}: {mc[s]}");
            Assert.True(Math.Abs(td[s] - Figure41[s]) < 2.0, $"TD state {s}: {td[s]}");
        }
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
