using Sente.Rl.Mdp;

namespace Sente.Tests.Rl;

public class DynamicProgrammingTests
{
    // Figure 4.1 (k = infinity), row by row.
    private static readonly double[] Figure41 =
    [
        0, -14, -20, -22,
        -14, -18, -20, -20,
        -20, -20, -18, -14,
        -22, -20, -14, 0,
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RandomPolicyValuesMatchFigure41(bool inPlace)
    {
        var mdp = GridWorld.Example41();
        var result = DynamicProgramming.EvaluatePolicy(mdp, mdp.UniformPolicy(), 1e-6, inPlace);
        for (int s = 0; s < 16; s++) Assert.True(Math.Abs(result.Values[s] - Figure41[s]) < 0.01, $"state {s}: {result.Values[s]}");
    }

    [Fact]
    public void InPlaceSweepsConvergeInFewerSweeps()
    {
        var mdp = GridWorld.Example41();
        int two = DynamicProgramming.EvaluatePolicy(mdp, mdp.UniformPolicy(), 1e-6, inPlace: false).Sweeps;
        int one = DynamicProgramming.EvaluatePolicy(mdp, mdp.UniformPolicy(), 1e-6, inPlace: true).Sweeps;
        // docs/RL.md: to theta 1e-6 two-array needs 258 sweeps, in-place 167 (deterministic).
        Assert.Equal(258, two);
        Assert.Equal(167, one);
    }

    [Fact]
    public void ActionValuesFromStateValues()
    {
        var mdp = GridWorld.Example41();
        var v = DynamicProgramming.EvaluatePolicy(mdp, mdp.UniformPolicy(), 1e-8, inPlace: true).Values;
        var q = DynamicProgramming.ActionValues(mdp, v);
        Assert.Equal(-1, q[11, GridWorld.Down], 3);
        Assert.Equal(-15, q[7, GridWorld.Down], 3);
    }

    [Fact]
    public void ValueAndPolicyIterationGiveMinusStepsToNearestCorner()
    {
        var mdp = GridWorld.Example41();
        var vi = DynamicProgramming.ValueIteration(mdp);
        var pi = DynamicProgramming.PolicyIteration(mdp);
        Assert.Equal(4, vi.Iterations); // docs/RL.md: value iteration in 4 sweeps, policy iteration 3 improvements
        Assert.Equal(3, pi.Iterations);
        for (int s = 0; s < 16; s++)
        {
            int r = s / 4, c = s % 4;
            int steps = Math.Min(r + c, (3 - r) + (3 - c));
            Assert.Equal(-steps, vi.Values[s], 6);
            Assert.Equal(-steps, pi.Values[s], 6);
            // Following the greedy policy from s reaches a corner in exactly `steps` moves.
            int state = s, moves = 0;
            while (!mdp.IsTerminal(state) && moves < 20) { state = mdp.Outcomes(state, vi.Policy[state])[0].NextState; moves++; }
            Assert.Equal(steps, moves);
        }
    }

    [Fact]
    public void ModelValidationRejectsBadProbabilities()
    {
        var bad = new Transition[][][] { [[new Transition(0.5, 0, -1)]] };
        Assert.Throws<ArgumentException>(() => new TabularMdp(bad, [false], 1.0));
    }
}
