using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Lee.Networks;
using Sente.Lee.Rollout;
using Sente.Search.Apv;

namespace Sente.Tests.Lee.Networks;

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
        Assert.Throws<ArgumentException>(() => policy.ChooseAction(Sente.Games.TicTacToe.Instance.NewInitialState(), rng));
        Assert.Throws<ArgumentException>(() => ((IRolloutPolicy)policy).Rollout(Sente.Games.TicTacToe.Instance.NewInitialState(), 0, rng, 10));
    }

    [Fact]
    public void IncrementalRolloutLeavesTheStateScoresWithKomiAndIsSeeded()
    {
        IRolloutPolicy policy = Policy();
        var s = new GoState(9, 7.5, Rules.TrompTaylor);
        s.Play(Stone.Black, 40);
        ulong hash = s.PositionHash;
        // Komi decides every game: the result's sign follows komi and the player asked about.
        Assert.Equal(1, policy.Rollout(s.WithKomi(-1000), 0, new Rng(3), 1000));
        Assert.Equal(-1, policy.Rollout(s.WithKomi(-1000), 1, new Rng(3), 1000));
        Assert.Equal(-1, policy.Rollout(s.WithKomi(1000), 0, new Rng(3), 1000));
        // Cut by maxMoves: a draw.
        Assert.Equal(0, policy.Rollout(s, 0, new Rng(3), 5));
        double[] a = Enumerable.Range(0, 20).Select(i => policy.Rollout(s, 0, new Rng((ulong)i), 1000)).ToArray();
        double[] b = Enumerable.Range(0, 20).Select(i => policy.Rollout(s, 0, new Rng((ulong)i), 1000)).ToArray();
        Assert.Equal(a, b);
        Assert.Equal(hash, s.PositionHash);
        Assert.Equal(1, s.MoveNumber);
    }

    [Fact]
    public void IncrementalRolloutWinsAsOftenAsTheMoveByMoveLoop()
    {
        var policy = Policy();
        var s = new GoState(9, 7.5, Rules.TrompTaylor);
        const int games = 600;
        var rng = new Rng(5);
        double incremental = 0, moveByMove = 0;
        for (int i = 0; i < games; i++) incremental += ((IRolloutPolicy)policy).Rollout(s, 0, rng, 1000) > 0 ? 1 : 0;
        for (int i = 0; i < games; i++)
        {
            GoState g = s.Clone();
            while (!g.IsTerminal) g.Apply(policy.ChooseAction(g, rng));
            moveByMove += g.Returns(0) > 0 ? 1 : 0;
        }
        // Same distribution: Black's win rates agree within about 3.5 standard errors of their difference.
        Assert.InRange(incremental / games - moveByMove / games, -0.1, 0.1);
    }
}
