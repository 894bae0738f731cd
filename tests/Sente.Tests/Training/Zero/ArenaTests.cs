using Sente.Games;
using Sente.Training.Zero;

namespace Sente.Tests.Training.Zero;

public class ArenaTests
{
    [Fact]
    public void GamesRunInLockstepAndEachRoundAndEachFinishedGameIsReported()
    {
        var rounds = new List<(int Move, int Live)>();
        var finished = new List<ArenaResult>();
        ArenaResult result = Arena.Play(TicTacToe.Instance, new PlayerSide("a", s => new RandomPlayer(s)), new PlayerSide("b", s => new RandomPlayer(s)),
            games: 12, seed: 3, openingMoves: 0, onGame: finished.Add, onMove: (m, live) => rounds.Add((m, live)));

        Assert.Equal(12, result.Games);
        Assert.Equal(Enumerable.Range(1, 12), finished.Select(r => r.Games));
        Assert.Equal(result, finished[^1]);
        // One round per move of the longest game (tic-tac-toe: 5 to 9 moves), live games never increasing, none at the end.
        Assert.Equal(Enumerable.Range(1, rounds.Count), rounds.Select(r => r.Move));
        Assert.InRange(rounds.Count, 5, 9);
        Assert.All(rounds.Take(4), r => Assert.Equal(12, r.Live));
        Assert.True(rounds.Zip(rounds.Skip(1)).All(p => p.Second.Live <= p.First.Live));
        Assert.Equal(0, rounds[^1].Live);
    }
}
