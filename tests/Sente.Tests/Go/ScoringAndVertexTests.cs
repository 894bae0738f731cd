using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using static Sente.Tests.Go.GoTestBoards;

namespace Sente.Tests.Go;

public class ScoringAndVertexTests
{
    [Fact]
    public void AreaScoreCountsStonesAndSingleColourRegions()
    {
        GoState s = State("""
            . X O . .
            X X O . .
            . X O O O
            X X O . .
            . X O . .
            """, komi: 0.5);
        AreaScore score = s.Score();
        Assert.Equal(7 + 3, score.BlackArea);
        Assert.Equal(7 + 8, score.WhiteArea);
        Assert.Equal(-5.5, score.Margin);
        Assert.Equal(Stone.White, score.Winner);
        Assert.Equal("W+5.5", score.ResultString);
    }

    [Fact]
    public void DamePointsBelongToNobodyAndDrawsPrintZero()
    {
        GoState s = State("""
            . X . O .
            . X . O .
            . X . O .
            . X . O .
            . X . O .
            """, komi: 0);
        // Column C touches both colours: neutral.
        Assert.Equal(new AreaScore(10, 10, 0), s.Score());
        Assert.Equal("0", s.Score().ResultString);
        Assert.Equal(Stone.Empty, s.Score().Winner);
        Assert.Equal("B+2", new AreaScore(12, 10, 0).ResultString);
        Assert.Equal("W+7.5", new GoState(9, 7.5, Rules.TrompTaylor).Score().ResultString); // empty board: no area
    }

    [Fact]
    public void SevenBySevenHandCase()
    {
        GoState s = State("""
            . X O . O . .
            X X O O . O .
            . X X O O . O
            X . X X O O .
            . X . X X O O
            X X X . X O .
            . . X X X O .
            """, komi: 0.5);
        var (black, white) = s.Board.AreaCounts();
        // Black: 18 stones + A7, A5, B4, A3, C3, D2, A1, B1 (8 empty points reaching only Black).
        Assert.Equal(26, black);
        // White: 14 stones + D7, F7, G7, G6, E6, F5, G4, G2, G1 (9 empty points reaching only White).
        Assert.Equal(23, white);
        Assert.Equal("B+2.5", s.Score().ResultString);
    }

    [Theory]
    [InlineData("A1", 9, 0)]
    [InlineData("a1", 9, 0)]
    [InlineData("J1", 9, 8)]
    [InlineData("H1", 9, 7)]
    [InlineData("A9", 9, 72)]
    [InlineData("J9", 9, 80)]
    [InlineData("pass", 9, 81)]
    [InlineData("PASS", 19, 361)]
    [InlineData("D4", 19, 3 * 19 + 3)]
    [InlineData("T19", 19, 360)]
    [InlineData("Q16", 19, 15 * 19 + 15)]
    [InlineData("Z25", 25, 624)]
    [InlineData("y1", 25, 23)]
    public void VertexParsesGtpNotation(string text, int size, int point)
    {
        Assert.True(Vertex.TryParse(text, size, out int p));
        Assert.Equal(point, p);
        Assert.Equal(text.ToUpperInvariant() is "PASS" ? "pass" : text.ToUpperInvariant(), Vertex.ToGtp(point, size));
    }

    [Theory]
    [InlineData("I5", 19)]
    [InlineData("K1", 9)]
    [InlineData("A10", 9)]
    [InlineData("A0", 9)]
    [InlineData("A01", 19)]
    [InlineData("", 9)]
    [InlineData("5A", 9)]
    [InlineData("A-1", 9)]
    [InlineData("passe", 9)]
    [InlineData("T20", 19)]
    public void VertexRejectsMalformedAndOffBoard(string text, int size)
    {
        Assert.False(Vertex.TryParse(text, size, out _));
        var e = Assert.Throws<FormatException>(() => Vertex.Parse(text, size));
        Assert.Contains($"'{text}'", e.Message);
    }

    [Fact]
    public void VertexRoundTripsOnEverySize()
    {
        for (int size = 2; size <= 25; size++)
            for (int p = 0; p <= size * size; p++)
                Assert.Equal(p, Vertex.Parse(Vertex.ToGtp(p, size), size));
        Assert.DoesNotContain('I', Vertex.Columns);
    }

    [Theory]
    [InlineData(19, 9, "D4 Q16 D16 Q4 D10 Q10 K4 K16 K10")]
    [InlineData(19, 5, "D4 Q16 D16 Q4 K10")]
    [InlineData(19, 2, "D4 Q16")]
    [InlineData(13, 5, "D4 K10 D10 K4 G7")]
    [InlineData(9, 3, "C3 G7 C7")]
    [InlineData(9, 9, "C3 G7 C7 G3 C5 G5 E3 E7 E5")]
    [InlineData(7, 4, "C3 E5 C5 E3")]
    [InlineData(10, 4, "C3 H8 C8 H3")]
    public void FixedHandicapMatchesTheGtpTable(int size, int count, string expected)
    {
        var s = new GoState(size, 0.5, Rules.TrompTaylor);
        s.PlaceFixedHandicap(count);
        Assert.Equal(expected, string.Join(' ', Handicap.FixedPoints(count, size).Select(p => Vertex.ToGtp(p, size))));
        Assert.Equal(count, Enumerable.Range(0, size * size).Count(p => s.Board[p] == Stone.Black));
        Assert.Equal(Stone.White, s.ToMove);
        Assert.Equal(0, s.MoveNumber);
    }

    [Theory]
    [InlineData(19, 10)]
    [InlineData(10, 5)]
    [InlineData(7, 5)]
    [InlineData(5, 2)]
    [InlineData(19, 1)]
    public void FixedHandicapOutsideTheTableIsRefused(int size, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Handicap.FixedPoints(count, size));

    [Fact]
    public void GameContractLegalActionsCloneUndoReturnsAndObservation()
    {
        IGame game = new GoGame(5, 0.5);
        Assert.Equal(26, game.NumActions);
        Assert.Equal((3, 5, 5), game.ObservationShape);
        Assert.Equal(50, game.MaxGameLength);
        IGameState s = game.NewInitialState();
        var actions = new List<int>();
        s.LegalActions(actions);
        Assert.Equal(Enumerable.Range(0, 26), actions);
        s.Apply(12);                       // Black C3
        IGameState copy = s.Clone();
        s.Apply(0);
        Assert.Equal(1, copy.MoveNumber);
        Assert.Equal(2, s.MoveNumber);
        Assert.NotEqual(copy.PositionHash, s.PositionHash);
        s.Undo();
        Assert.Equal(copy.PositionHash, s.PositionHash);
        Assert.False(s.IsLegal(12));
        Assert.Equal("C3", s.ActionToString(12));
        Assert.Equal(1, s.CurrentPlayer);

        var obs = new float[3 * 25];
        s.WriteObservation(obs);
        Assert.Equal(1f, obs[25 + 12]);    // White to move: C3 is an opponent stone
        Assert.Equal(0f, obs[12]);
        Assert.All(obs[50..], v => Assert.Equal(1f, v));

        s.Apply(25);
        s.Apply(25);
        Assert.True(s.IsTerminal);
        s.LegalActions(actions);
        Assert.Empty(actions);
        Assert.Equal(1.0, s.Returns(0));   // Black owns the whole board: 25 - 0.5
        Assert.Equal(-1.0, s.Returns(1));
        Assert.Throws<InvalidOperationException>(() => s.Apply(3));
    }

    [Fact]
    public void RandomPolicyNeverFillsOwnEyesAndEndsGames()
    {
        var rng = new Rng(7);
        var s = new GoState(7, 7.5, Rules.TrompTaylor);
        while (!s.IsTerminal)
        {
            int m = RandomPolicy.SelectMove(s, rng);
            if (m != s.Pass)
            {
                Assert.True(s.IsLegal(s.ToMove, m));
                Assert.False(s.Board.IsOnePointEye(s.ToMove, m));
            }
            else
            {
                // Pass only when nothing else is acceptable.
                for (int p = 0; p < s.Pass; p++)
                    Assert.False(s.Board[p] == Stone.Empty && s.IsLegal(s.ToMove, p) && !s.Board.IsOnePointEye(s.ToMove, p));
            }
            s.Play(s.ToMove, m);
        }
        Assert.True(s.ConsecutivePasses >= 2);
    }

    [Fact]
    public void PlayoutsEndAndScore()
    {
        var rng = new Rng(11);
        for (int i = 0; i < 50; i++)
        {
            var board = new Board(9);
            int moves = Playout.Run(board, Stone.Black, rng);
            Assert.InRange(moves, 2, 3 * 81);
            BoardConsistencyTests.AssertConsistent(board);
        }
        AreaScore score = Playout.Run(new GoState(9, 7.5, Rules.TrompTaylor), rng);
        Assert.InRange(score.BlackArea + score.WhiteArea, 60, 81); // played out: few neutral points
        Assert.Equal(7.5, score.Komi);
    }
}
