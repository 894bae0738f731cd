using Sente.Core.Games;
using Sente.Games;
using Sente.Search;

namespace Sente.Tests.Search;

/// <summary>Pure MCTS (random rollouts) against the fixed Connect Four baselines: the classic UCT reference that the
/// trained networks must beat.</summary>
public class MctsStrengthTests
{
    private static int Wins(Func<int, IPlayer> opponent, int games, int playouts)
    {
        int wins = 0;
        for (int g = 0; g < games; g++)
        {
            var mcts = new MctsPlayer(new RandomRolloutEvaluator((ulong)g + 1), new SearchLimits(Playouts: playouts),
                                      new MctsOptions { LogGrowingC = false, CInit = 2.0 });
            IPlayer other = opponent(g);
            int me = g % 2;
            IGameState s = ConnectFour.Instance.NewInitialState();
            while (!s.IsTerminal) s.Apply((s.CurrentPlayer == me ? mcts : other).ChooseAction(s));
            if (s.Returns(me) > 0) wins++;
        }
        return wins;
    }

    [Fact]
    public void RolloutMctsBeatsTheOnePlyPlayerAtConnectFour()
    {
        int wins = Wins(g => new OnePlyLookaheadPlayer((ulong)g + 100), games: 6, playouts: 1000);
        Assert.True(wins >= 5, $"MCTS won {wins}/6 against one-ply lookahead");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void RolloutMctsBeatsTheConnectFourBaselinesNinetyPercent()
    {
        int vsRandom = Wins(g => new RandomPlayer((ulong)g + 100), games: 40, playouts: 1000);
        int vsOnePly = Wins(g => new OnePlyLookaheadPlayer((ulong)g + 100), games: 40, playouts: 2000);
        Assert.True(vsRandom >= 39, $"MCTS won {vsRandom}/40 against random");
        Assert.True(vsOnePly >= 36, $"MCTS won {vsOnePly}/40 against one-ply lookahead");
    }
}
