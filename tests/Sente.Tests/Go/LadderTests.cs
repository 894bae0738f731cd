using Sente.Go;

namespace Sente.Tests.Go;

/// <summary>Ladder reading on hand-drawn positions: working ladders, ladders broken by a ladder breaker, for both
/// the capturing move and the escaping move; plus exact one-move tactics.</summary>
public class LadderTests
{
    // White D4 has two liberties (D5, E4). Black D5 starts a ladder that runs to the upper right.
    private const string Ladder = """
        . . . . . . . . .
        . . . . . . . . .
        . . . . . . . . .
        . . . . . . . . .
        . . . . . . . . .
        . . X O . . . . .
        . . . X X . . . .
        . . . . . . . . .
        . . . . . . . . .
        """;

    // The same with a white ladder breaker on the ladder's path (G7).
    private const string Broken = """
        . . . . . . . . .
        . . . . . . . . .
        . . . . . . O . .
        . . . . . . . . .
        . . . . . . . . .
        . . X O . . . . .
        . . . X X . . . .
        . . . . . . . . .
        . . . . . . . . .
        """;

    // After Black D5: White D4 in atari, its only liberty E4.
    private const string Atari = """
        . . . . . . . . .
        . . . . . . . . .
        . . . . . . . . .
        . . . . . . . . .
        . . . X . . . . .
        . . X O . . . . .
        . . . X X . . . .
        . . . . . . . . .
        . . . . . . . . .
        """;

    private const string AtariBroken = """
        . . . . . . . . .
        . . . . . . . . .
        . . . . . . O . .
        . . . . . . . . .
        . . . X . . . . .
        . . X O . . . . .
        . . . X X . . . .
        . . . . . . . . .
        . . . . . . . . .
        """;

    private static int P(string v) => Vertex.Parse(v, 9);

    [Fact]
    public void WorkingLadderIsACaptureAndBreakerStopsIt()
    {
        var ladders = new Ladders();
        Assert.True(ladders.IsLadderCapture(Board.FromAscii(Ladder), Stone.Black, P("D5")));
        Assert.False(ladders.IsLadderCapture(Board.FromAscii(Ladder), Stone.Black, P("E4")));  // White runs out to 3 liberties
        Assert.False(ladders.IsLadderCapture(Board.FromAscii(Ladder), Stone.Black, P("A1")));  // no atari at all
        Assert.False(ladders.IsLadderCapture(Board.FromAscii(Broken), Stone.Black, P("D5")));
    }

    [Fact]
    public void EscapeFailsInAWorkingLadderAndSucceedsWithABreaker()
    {
        var ladders = new Ladders();
        Assert.False(ladders.IsLadderEscape(Board.FromAscii(Atari), Stone.White, P("E4")));
        Assert.True(ladders.IsLadderEscape(Board.FromAscii(AtariBroken), Stone.White, P("E4")));
        Assert.False(ladders.IsLadderEscape(Board.FromAscii(AtariBroken), Stone.White, P("A1"))); // not the liberty of a chain in atari
        Assert.True(ladders.IsCapturedInLadder(Board.FromAscii(Atari), P("D4")));
        Assert.False(ladders.IsCapturedInLadder(Board.FromAscii(AtariBroken), P("D4")));
    }

    [Fact]
    public void PreyThatCanCaptureAnAtariStoneEscapes()
    {
        // White D4 is in atari (liberty E4), but Black D5 is in atari too (liberty E5): White captures instead of running.
        const string diagram = """
            . . . . . . . . .
            . . . . . . . . .
            . . . . . . . . .
            . . . O . . . . .
            . . O X . . . . .
            . . X O . . . . .
            . . . X X . . . .
            . . . . . . . . .
            . . . . . . . . .
            """;
        var board = Board.FromAscii(diagram);
        Assert.Equal(1, board.Liberties(P("D5")));
        Assert.Equal(1, board.Liberties(P("D4")));
        Assert.False(new Ladders().IsCapturedInLadder(board, P("D4")));
    }

    [Fact]
    public void MoveTacticsCountsCapturesLibertiesAndSelfAtari()
    {
        const string diagram = """
            . . . . .
            . . . . .
            O X . . .
            X O . . .
            . X . . .
            """;
        var board = Board.FromAscii(diagram);
        var t = new MoveTactics(5);
        // White B2: neighbours A2 X, B1 X, B3 X, C2 empty: one liberty. Black C2 captures it and has liberties D2, C3, C1, B2.
        Assert.Equal(new MoveEffect(1, 4, 1), t.Analyze(board, Stone.Black, P5("C2")));
        // Black C1 joins B1: chain {B1, C1} with liberties A1, D1, C2.
        Assert.Equal(new MoveEffect(0, 3, 2), t.Analyze(board, Stone.Black, P5("C1")));
        // Black A2 has one liberty (A1): White A1 captures it.
        Assert.Equal(1, t.Analyze(board, Stone.White, P5("A1")).Captures);
        // Black A1 joins A2 and B1: chain {A1, A2, B1} with the single liberty C1: self-atari of 3 stones.
        var ba1 = t.Analyze(board, Stone.Black, P5("A1"));
        Assert.Equal(new MoveEffect(0, 1, 3), ba1);
        Assert.Equal(3, ba1.SelfAtariSize);
        // White D1 is far from everything: 3 liberties, one stone.
        Assert.Equal(new MoveEffect(0, 3, 1), t.Analyze(board, Stone.White, P5("D1")));
    }

    private static int P5(string v) => Vertex.Parse(v, 5);
}
