using Sente.Core.Games;
using Sente.Games;

namespace Sente.Tests.Games;

public class ConnectFourTests
{
    [Theory]
    [InlineData(new[] { 0, 1, 0, 1, 0, 1, 0 }, 0)]           // vertical
    [InlineData(new[] { 0, 0, 1, 1, 2, 2, 3 }, 0)]           // horizontal
    [InlineData(new[] { 0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3 }, 0)] // rising diagonal
    [InlineData(new[] { 6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3 }, 0)] // falling diagonal
    [InlineData(new[] { 6, 0, 6, 0, 5, 0, 5, 0 }, 1)]       // player 1 vertical
    public void DetectsFours(int[] moves, int winner)
    {
        ConnectFourState s = ConnectFour.FromMoves(moves);
        Assert.True(s.IsTerminal, s.ToString());
        Assert.Equal(winner, s.Winner);
        s.Undo();
        Assert.False(s.IsTerminal);
    }

    [Fact]
    public void ThreeInARowIsNotAWinAndFullColumnsAreIllegal()
    {
        ConnectFourState s = ConnectFour.FromMoves(0, 0, 1, 1, 2, 2);
        Assert.False(s.IsTerminal);
        s = ConnectFour.FromMoves(0, 0, 0, 0, 0, 0);
        Assert.False(s.IsLegal(0));
        var ex = Assert.Throws<InvalidOperationException>(() => s.Apply(0));
        Assert.Contains("full", ex.Message);
        Assert.Equal("O......", s.ToString().Split('\n')[0]);
    }

    [Fact]
    public void FullBoardWithoutFourIsADraw()
    {
        // Seeded random games until one fills the board without a four.
        for (ulong seed = 1; seed < 20_000; seed++)
        {
            var rng = new Sente.Core.Rng(seed);
            var s = new ConnectFourState();
            var legal = new List<int>();
            while (!s.IsTerminal)
            {
                s.LegalActions(legal);
                s.Apply(legal[rng.NextInt(legal.Count)]);
            }
            if (s.Winner >= 0) continue;
            Assert.Equal(42, s.MoveNumber);
            Assert.Equal(0.0, s.Returns(0));
            Assert.DoesNotContain('.', s.ToString());
            return;
        }
        Assert.Fail("no drawn random game in 20000 seeds");
    }

    [Fact]
    public void OnePlyLookaheadWinsAndBlocks()
    {
        var p = new OnePlyLookaheadPlayer(1);
        Assert.Equal(0, p.ChooseAction(ConnectFour.FromMoves(0, 1, 0, 1, 0, 2)));   // win in column 0
        Assert.Equal(3, p.ChooseAction(ConnectFour.FromMoves(0, 0, 1, 1, 2)));      // O blocks 3
        IGameState s = ConnectFour.FromMoves(0, 6, 0, 6, 0);
        ulong h = s.PositionHash;
        Assert.Equal(0, p.ChooseAction(s));                                          // O blocks the vertical
        Assert.Equal(h, s.PositionHash);                                             // state untouched
    }

    [Fact]
    public void OnePlyLookaheadBeatsRandomMostly()
    {
        int wins = 0;
        for (int g = 0; g < 100; g++)
        {
            IGameState s = ConnectFour.Instance.NewInitialState();
            IPlayer[] players = g % 2 == 0
                ? [new OnePlyLookaheadPlayer((ulong)g), new RandomPlayer((ulong)g + 1000)]
                : [new RandomPlayer((ulong)g + 1000), new OnePlyLookaheadPlayer((ulong)g)];
            int me = g % 2;
            while (!s.IsTerminal) s.Apply(players[s.CurrentPlayer].ChooseAction(s));
            if (s.Returns(me) > 0) wins++;
        }
        Assert.True(wins >= 85, $"one-ply won {wins}/100 against random");
    }
}
