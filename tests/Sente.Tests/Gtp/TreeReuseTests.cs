using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Go;
using Sente.Gtp.Players;
using Sente.Search;

namespace Sente.Tests.Gtp;

/// <summary>The GTP MCTS player keeps its tree between genmoves when the game continues from it.</summary>
public class TreeReuseTests
{
    /// <summary>Uniform priors and value 0, counting the positions it evaluates.</summary>
    private sealed class CountingEvaluator : IEvaluator
    {
        private readonly UniformEvaluator _inner = new();
        public int Positions;
        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
        {
            Positions += states.Count;
            _inner.Evaluate(states, priors, values);
        }
    }

    private static (MctsMoveGenerator Player, CountingEvaluator Evaluator) Player(bool reuse)
    {
        var evaluator = new CountingEvaluator();
        var options = new MctsOptions { ReuseTree = reuse, RootNoise = false };
        return (new MctsMoveGenerator("uniform", evaluator, new SearchLimits(Visits: 400), options, resignThreshold: null), evaluator);
    }

    [Fact]
    public void SecondGenmoveReusesTheSubtreeOfTheMovesPlayed()
    {
        var (player, evaluator) = Player(reuse: true);
        var state = new GoState(5, 7, Rules.TrompTaylor);
        int first = player.GenerateMove(state, Stone.Black, GtpClock.Unlimited).Point;
        int afterFirst = evaluator.Positions;
        state.Play(Stone.Black, first);
        // The same player answers for White: its search starts from the subtree of Black's move.
        int reply = player.GenerateMove(state, Stone.White, GtpClock.Unlimited).Point;
        int afterReply = evaluator.Positions;
        state.Play(Stone.White, reply);
        player.GenerateMove(state, Stone.Black, GtpClock.Unlimited);
        int second = evaluator.Positions - afterReply;
        Assert.True(afterReply - afterFirst < afterFirst, $"White's search evaluated {afterReply - afterFirst} positions: nothing reused");
        Assert.InRange(afterFirst, 390, 401);
        Assert.True(second < afterFirst, $"second search evaluated {second} positions, first {afterFirst}: nothing reused");

        // Without reuse, or after a new game, the second search starts afresh.
        var (fresh, freshEvaluator) = Player(reuse: false);
        fresh.GenerateMove(state, Stone.Black, GtpClock.Unlimited);
        Assert.InRange(freshEvaluator.Positions, 390, 401);
        player.NewGame();
        int before = evaluator.Positions;
        player.GenerateMove(state, Stone.Black, GtpClock.Unlimited);
        Assert.InRange(evaluator.Positions - before, 390, 401);
    }

    [Fact]
    public void AnUnrelatedPositionStartsANewTree()
    {
        var (player, evaluator) = Player(reuse: true);
        var a = new GoState(9, 7, Rules.TrompTaylor);
        a.Play(Stone.Black, 40);
        player.GenerateMove(a, Stone.White, GtpClock.Unlimited);
        var b = new GoState(9, 7, Rules.TrompTaylor);
        b.Play(Stone.Black, 0);
        b.Play(Stone.White, 1);
        int before = evaluator.Positions;
        int move = player.GenerateMove(b, Stone.Black, GtpClock.Unlimited).Point;
        Assert.InRange(evaluator.Positions - before, 390, 401);
        Assert.True(b.IsLegal(Stone.Black, move));
    }
}
