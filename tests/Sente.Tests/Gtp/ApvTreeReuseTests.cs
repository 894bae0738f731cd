using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Go;
using Sente.Gtp.Players;
using Sente.Search;
using Sente.Search.Apv;

namespace Sente.Tests.Gtp;

/// <summary>The GTP APV-MCTS player keeps its tree between genmoves when the game continues from it.</summary>
public class ApvTreeReuseTests
{
    /// <summary>Uniformly random rollouts, counting them (one per simulation that does not end the game in the tree).</summary>
    private sealed class CountingRollouts : IRolloutPolicy
    {
        private readonly UniformRolloutPolicy _inner = new();
        public int Rollouts;
        public int ChooseAction(IGameState state, Rng rng) => _inner.ChooseAction(state, rng);
        public double Rollout(IGameState state, int player, Rng rng, int maxMoves)
        {
            Interlocked.Increment(ref Rollouts);
            return ((IRolloutPolicy)_inner).Rollout(state, player, rng, maxMoves);
        }
    }

    private const int Visits = 200;

    private static (ApvMoveGenerator Player, CountingRollouts Rollouts) Player(bool reuse)
    {
        var rollouts = new CountingRollouts();
        var options = new ApvOptions { ReuseTree = reuse, Lambda = 1, ExpansionThreshold = 1 };
        return (new ApvMoveGenerator("apv", new UniformEvaluator(), null, rollouts, new SearchLimits(Visits: Visits), options,
            resignThreshold: null), rollouts);
    }

    [Fact]
    public void LaterGenmovesContinueTheSubtreeOfTheMovesPlayed()
    {
        var (player, counter) = Player(reuse: true);
        var state = new GoState(5, 7, Rules.TrompTaylor);
        int first = player.GenerateMove(state, Stone.Black, GtpClock.Unlimited).Point;
        int afterFirst = counter.Rollouts;
        Assert.False(player.LastReused);
        Assert.InRange(afterFirst, Visits - 20, Visits);
        state.Play(Stone.Black, first);
        // The same player answers for White: the search continues in the subtree of Black's move.
        int reply = player.GenerateMove(state, Stone.White, GtpClock.Unlimited).Point;
        int whiteSearch = counter.Rollouts - afterFirst;
        Assert.True(player.LastReused);
        Assert.True(whiteSearch < afterFirst, $"White's search ran {whiteSearch} rollouts, the first {afterFirst}: nothing reused");
        Assert.Equal(Visits, player.LastResult!.Children.Sum(c => c.Visits));
        state.Play(Stone.White, reply);
        int before = counter.Rollouts;
        int move = player.GenerateMove(state, Stone.Black, GtpClock.Unlimited).Point;
        Assert.True(player.LastReused);
        Assert.True(counter.Rollouts - before < afterFirst);
        Assert.True(state.IsLegal(Stone.Black, move));

        // After a new game, or without reuse, the search starts afresh.
        player.NewGame();
        before = counter.Rollouts;
        player.GenerateMove(state, Stone.Black, GtpClock.Unlimited);
        Assert.False(player.LastReused);
        Assert.InRange(counter.Rollouts - before, Visits - 20, Visits);
        var (fresh, freshCounter) = Player(reuse: false);
        fresh.GenerateMove(new GoState(5, 7, Rules.TrompTaylor), Stone.Black, GtpClock.Unlimited);
        fresh.GenerateMove(state, Stone.Black, GtpClock.Unlimited);
        Assert.False(fresh.LastReused);
    }

    [Fact]
    public void AnUnrelatedPositionOrAnotherKomiStartsANewTree()
    {
        var (player, counter) = Player(reuse: true);
        var a = new GoState(5, 7, Rules.TrompTaylor);
        a.Play(Stone.Black, 12);
        player.GenerateMove(a, Stone.White, GtpClock.Unlimited);
        var b = new GoState(5, 7, Rules.TrompTaylor);
        b.Play(Stone.Black, 0);
        b.Play(Stone.White, 1);
        int before = counter.Rollouts;
        int move = player.GenerateMove(b, Stone.Black, GtpClock.Unlimited).Point;
        Assert.False(player.LastReused);
        Assert.InRange(counter.Rollouts - before, Visits - 20, Visits);
        Assert.True(b.IsLegal(Stone.Black, move));
        player.GenerateMove(b.WithKomi(0.5), Stone.Black, GtpClock.Unlimited);
        Assert.False(player.LastReused);
    }

    [Fact]
    public void ReplayedSessionsGiveTheSameMoves()
    {
        int[] Session()
        {
            var (player, _) = Player(reuse: true);
            var s = new GoState(5, 7, Rules.TrompTaylor);
            var moves = new int[4];
            for (int i = 0; i < moves.Length; i++)
            {
                moves[i] = player.GenerateMove(s, s.ToMove, GtpClock.Unlimited).Point;
                s.Play(s.ToMove, moves[i]);
            }
            return moves;
        }
        Assert.Equal(Session(), Session());
    }
}
