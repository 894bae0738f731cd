using Sente.Core.Evaluation;
using Sente.Search;
using Sente.Tests.Games;

namespace Sente.Tests.Search;

public class PassFilterTests
{
    private static readonly ClaimGame Game = new(4);
    private const int Pass = 4;

    [Fact]
    public void ForbidsAPassThatEndsTheGameWithALoss()
    {
        // P0 claims 0, P1 passes, P0 claims 1, P1 claims 2, P0 passes: P1 (1 cell vs 2) loses if it passes now.
        var s = Game.FromMoves(0, Pass, 1, 2, Pass);
        var filter = new NoLosingPassFilter(Pass);
        Assert.False(filter.Allows(s, Pass));
        Assert.True(filter.Allows(s, 3));
        Assert.Equal(5, s.MoveNumber); // state restored

        SearchResult with = new Mcts(s, new UniformEvaluator(), rootFilter: filter).Search(new SearchLimits(Playouts: 100));
        Assert.DoesNotContain(with.Children, c => c.Action == Pass);
        Assert.Equal(3, with.BestAction);
        Assert.Equal(0, with.Policy[Pass]);
        SearchResult without = new Mcts(s, new UniformEvaluator()).Search(new SearchLimits(Playouts: 100));
        Assert.Contains(without.Children, c => c.Action == Pass);
    }

    [Fact]
    public void AllowsWinningPassesAndPassesThatDoNotEndTheGame()
    {
        var filter = new NoLosingPassFilter(Pass);
        Assert.True(filter.Allows(Game.FromMoves(0, Pass), Pass));   // P0 ahead: passing ends the game with a win
        Assert.True(filter.Allows(Game.FromMoves(0), Pass));         // P1 behind but P0 did not pass: game goes on
    }

    [Fact]
    public void AFilterThatForbidsEverythingIsIgnored()
    {
        // Board full (P0 three cells, P1 one) and P0 just passed: P1's only move, pass, loses.
        var full = Game.FromMoves(0, Pass, 1, Pass, 2, 3, Pass);
        Assert.Equal(1, full.CurrentPlayer);
        Assert.False(new NoLosingPassFilter(Pass).Allows(full, Pass));
        SearchResult r = new Mcts(full, new UniformEvaluator(), rootFilter: new NoLosingPassFilter(Pass))
            .Search(new SearchLimits(Playouts: 20));
        Assert.Equal(Pass, r.BestAction);
    }
}
