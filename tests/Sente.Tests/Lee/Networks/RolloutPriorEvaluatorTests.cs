using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Lee.Networks;
using Sente.Lee.Rollout;
using Sente.Tests.Go;

namespace Sente.Tests.Lee.Networks;

public class RolloutPriorEvaluatorTests
{
    [Fact]
    public void PriorsAreTheRolloutPolicysSoftmaxAndPassOnlyWithoutACandidate()
    {
        var w = new float[RolloutFeatures.Count];
        var rng = new Rng(5);
        for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextGaussian() * 0.5);
        var policy = new RolloutPolicy(w);
        var evaluator = new RolloutPriorEvaluator(policy);

        var open = new GoState(9, 7.5, Rules.TrompTaylor);
        foreach (int p in new[] { 40, 41, 30, 50, 31 }) open.Apply(p);
        // Black filled the board but for two one-point eyes: its only candidates would be its own eyes.
        GoState eyes = GoTestBoards.State("""
            XXXXXXXXX
            X.XXXXXXX
            XXXXXXXXX
            XXXXXXXXX
            XXXXXXXXX
            XXXXXXXXX
            XXXXXXXXX
            XXXXXXX.X
            XXXXXXXXX
            """);
        int n = open.Game.NumActions;
        var priors = new float[2 * n];
        var values = new float[] { 9, 9 };
        evaluator.Evaluate(new IGameState[] { open, eyes }, priors, values);

        Assert.Equal([0f, 0f], values);
        var ws = new RolloutPolicy.Workspace();
        for (int a = 0; a < n - 1; a++)
            Assert.Equal(policy.Probability(open.Board, open.ToMove, 31, a, ws), priors[a], 5);
        Assert.Equal(0f, priors[open.Pass]);
        Assert.Equal(1.0, priors.AsSpan(0, n).ToArray().Sum(), 4);
        Assert.True(priors.AsSpan(0, n).ToArray().Distinct().Count() > 3); // not uniform: the weights matter
        Assert.Equal(1f, priors[n + eyes.Pass]);
        Assert.Equal(1.0, priors.AsSpan(n, n).ToArray().Sum(), 6);
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate(new IGameState[] { Sente.Games.TicTacToe.Instance.NewInitialState() }, new float[9], new float[1]));
    }
}
