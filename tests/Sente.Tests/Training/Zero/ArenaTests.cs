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

    /// <summary>Plays the first legal move and reports a fixed value for it.</summary>
    private sealed class Confident(double value) : Sente.Core.Games.IPlayer, Sente.Core.Games.IValueReporter
    {
        public string Name => "confident";
        public double? LastValue { get; private set; }

        public int ChooseAction(Sente.Core.Games.IGameState state)
        {
            LastValue = value;
            var legal = new List<int>();
            state.LegalActions(legal);
            return legal[0];
        }
    }

    [Fact]
    public void AGameEndsWhenBothSidesAgreeItIsDecidedAndNotWhenOnlyOneSaysSo()
    {
        var loser = new PlayerSide("loser", _ => new Confident(-0.9));
        var records = new List<ArenaGame>();
        ArenaResult r = Arena.Play(TicTacToe.Instance, loser, new PlayerSide("winner", _ => new Confident(0.9)), games: 2, seed: 1,
            openingMoves: 0, onFinished: records.Add, adjudicate: 0.8);
        Assert.Equal(new ArenaResult(0, 2, 0), r);
        // Game 0: the loser moves first with no opponent value yet, the winner answers at +0.9, the loser's second move
        // at -0.9 ends it (3 moves). Game 1: the winner opens, the loser's first move ends it (2 moves).
        Assert.Equal([3, 2], records.OrderBy(g => g.Index).Select(g => g.State.MoveNumber));
        Assert.All(records, g => Assert.True(g.Adjudicated && !g.Capped && !g.State.IsTerminal && g.ReturnForA == -1));

        // The opponent not sure enough (0.5 < 0.8), no threshold, or a side without values: games are played out.
        foreach (var (other, threshold) in new[] { (new PlayerSide("unsure", _ => new Confident(0.5)), (double?)0.8),
                                                   (new PlayerSide("winner", _ => new Confident(0.9)), null),
                                                   (new PlayerSide("random", s => new RandomPlayer(s)), 0.8) })
        {
            records.Clear();
            Arena.Play(TicTacToe.Instance, loser, other, games: 2, seed: 1, openingMoves: 0, onFinished: records.Add, adjudicate: threshold);
            Assert.All(records, g => Assert.True(g.State.IsTerminal && !g.Adjudicated, other.Name));
        }
        Assert.Throws<ArgumentException>(() => Arena.Play(TicTacToe.Instance, loser, loser, 1, 1, 0, adjudicate: 1.0));
    }
}
