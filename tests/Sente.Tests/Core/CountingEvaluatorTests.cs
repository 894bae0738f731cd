using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Games;

namespace Sente.Tests.Core;

public sealed class CountingEvaluatorTests
{
    [Fact]
    public void CountsCallsAndPositionsAndPassesResultsThrough()
    {
        var game = TicTacToe.Instance;
        IGameState a = game.NewInitialState(), b = game.NewInitialState();
        b.Apply(4);
        var counting = new CountingEvaluator(new UniformEvaluator());
        var priors = new float[2 * game.NumActions];
        var values = new float[2];
        counting.Evaluate([a, b], priors, values);
        counting.Evaluate([a], priors.AsSpan(0, game.NumActions), values.AsSpan(0, 1));
        Assert.Equal(2, counting.Calls);
        Assert.Equal(3, counting.Positions);
        Assert.True(counting.Elapsed >= TimeSpan.Zero);

        var direct = new float[2 * game.NumActions];
        new UniformEvaluator().Evaluate([a, b], direct, new float[2]);
        counting.Evaluate([a, b], priors, values);
        Assert.Equal(direct, priors);

        counting.Reset();
        Assert.Equal(0, counting.Calls);
        Assert.Equal(0, counting.Positions);
        Assert.Equal(TimeSpan.Zero, counting.Elapsed);
    }
}
