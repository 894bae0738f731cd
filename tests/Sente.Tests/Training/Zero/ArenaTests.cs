using Sente.Games;
using Sente.Training.Zero;

namespace Sente.Tests.Training.Zero;

public class ArenaTests
{
    [Fact]
    public void GamesRunInLockstepAndEachRoundAndEachFinishedGameIsReportedWithItsRecord()
    {
        var rounds = new List<(int Move, int Live)>();
        var finished = new List<ArenaResult>();
        var records = new List<ArenaGame>();
        ArenaResult result = Arena.Play(TicTacToe.Instance, new PlayerSide("a", s => new RandomPlayer(s)), new PlayerSide("b", s => new RandomPlayer(s)),
            games: 12, seed: 3, openingMoves: 0, onGame: finished.Add, onMove: (m, live) => rounds.Add((m, live)), onFinished: records.Add);

        Assert.Equal(12, result.Games);
        Assert.Equal(Enumerable.Range(1, 12), finished.Select(r => r.Games));
        Assert.Equal(result, finished[^1]);
        // One round per move of the longest game (tic-tac-toe: 5 to 9 moves), live games never increasing, none at the end.
        Assert.Equal(Enumerable.Range(1, rounds.Count), rounds.Select(r => r.Move));
        Assert.InRange(rounds.Count, 5, 9);
        Assert.All(rounds.Take(4), r => Assert.Equal(12, r.Live));
        Assert.True(rounds.Zip(rounds.Skip(1)).All(p => p.Second.Live <= p.First.Live));
        Assert.Equal(0, rounds[^1].Live);
        // Each game is handed over once, finished, with A first in the even-numbered ones and its result counted.
        Assert.Equal(Enumerable.Range(0, 12), records.Select(g => g.Index).Order());
        Assert.All(records, g =>
        {
            Assert.True(g.State.IsTerminal && !g.Capped);
            Assert.Equal(g.Index % 2 == 0, g.AIsPlayer0);
            Assert.Equal(g.State.Returns(g.AIsPlayer0 ? 0 : 1), g.ReturnForA);
        });
        Assert.Equal((result.Wins, result.Losses), (records.Count(g => g.ReturnForA > 0), records.Count(g => g.ReturnForA < 0)));
    }
}
