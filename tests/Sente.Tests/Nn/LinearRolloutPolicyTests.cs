using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Nn.Lee;
using Sente.Nn.Rollout;
using Sente.Search.Apv;

namespace Sente.Tests.Nn;

public class LinearRolloutPolicyTests
{
    private static LinearRolloutPolicy Policy()
    {
        var w = new float[RolloutFeatures.Count];
        var rng = new Rng(11);
        for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextGaussian() * 0.3);
        return new LinearRolloutPolicy(new RolloutPolicy(w));
    }

    [Fact]
    public void ChooseActionIsLegalAndRolloutFromTheEndIsTheResult()
    {
        LinearRolloutPolicy policy = Policy();
        var s = new GoState(9, 7.5, Rules.TrompTaylor);
        var rng = new Rng(2);
        for (int m = 0; m < 30; m++)
        {
            int a = policy.ChooseAction(s, rng);
            Assert.True(s.IsLegal(s.ToMove, a));
            s.Apply(a);
        }
        s.Apply(s.Pass);
        s.Apply(s.Pass);
        Assert.Equal(s.Returns(0), ((IRolloutPolicy)policy).Rollout(s, 0, rng, 100));
        var fresh = new GoState(9, 7.5, Rules.TrompTaylor);
        double z = ((IRolloutPolicy)policy).Rollout(fresh, 1, rng, 1000);
        Assert.True(fresh.IsTerminal);
        Assert.Equal(fresh.Returns(1), z);
        Assert.Throws<ArgumentException>(() => policy.ChooseAction(Sente.Games.TicTacToe.Instance.NewInitialState(), rng));
    }
}
