using Sente.Gtp.Players;
using Sente.Go;

namespace Sente.Tests.Gtp;

public class GoPassFilterTests
{
    private static GoState FromDiagram(string diagram, Stone toMove)
    {
        Board b = Board.FromAscii(diagram);
        var s = new GoState(b.Size, 0.5, Rules.TrompTaylor);
        for (int p = 0; p < b.PointCount; p++) if (b[p] != Stone.Empty) s.SetupStone(p, b[p]);
        s.SetToMove(toMove);
        return s;
    }

    [Fact]
    public void NoPassWhileSensibleMovesRemain()
    {
        var s = new GoState(5, 0.5, Rules.TrompTaylor);
        Assert.False(new GoPassFilter().Allows(s, 25));
        Assert.True(new GoPassFilter().Allows(s, 12));
    }

    [Fact]
    public void PassWhenOnlyOwnEyesAreLeft()
    {
        // Black owns the board but for two one-point eyes: passing is the only sensible move.
        var s = FromDiagram("""
            . X X X X
            X X X X X
            X X X X X
            X X X X X
            X X X X .
            """, Stone.Black);
        Assert.True(new GoPassFilter().Allows(s, 25));
    }

    [Fact]
    public void AfterAnOpponentPassTheWinnerMayEndTheGameButTheLoserMayNot()
    {
        var s = FromDiagram("""
            . . X O .
            . . X O .
            . . X O .
            . . X O .
            . . X O .
            """, Stone.White);
        s.Play(Stone.White, 25); // White passes; Black (ahead: 15 vs 10 points, komi 0.5) may end the game
        Assert.True(new GoPassFilter().Allows(s, 25));
        s.Undo();
        s.SetToMove(Stone.Black);
        s.Play(Stone.Black, 25); // Black passes; White (behind) may not end the game by passing
        Assert.False(new GoPassFilter().Allows(s, 25));
    }
}
