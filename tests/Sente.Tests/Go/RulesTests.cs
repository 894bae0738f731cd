using Sente.Go;
using static Sente.Tests.Go.GoTestBoards;

namespace Sente.Tests.Go;

public class RulesTests
{
    private const string KoShape = """
        . . . . .
        . X O . .
        X O . O .
        . X O . .
        . . . . .
        """;

    [Fact]
    public void CapturesRemoveStonesAndCount()
    {
        GoState s = State("""
            . . . . .
            . X X . .
            X O O X .
            . X O X .
            . . . . .
            """);
        Assert.Equal(1, s.Board.Liberties(V(s, "B3")));
        Assert.Equal(2, s.Board.Liberties(V(s, "B2")));
        Assert.Equal(3, s.Board.ChainSize(V(s, "B3")));
        Assert.Equal(3, s.Board.CapturesIfPlayed(Stone.Black, V(s, "C1")));
        s.Play(Stone.Black, V(s, "C1"));
        Assert.Equal(Norm("""
            . . . . .
            . X X . .
            X . . X .
            . X . X .
            . . X . .
            """), s.Board.ToAscii());
        Assert.Equal(3, s.Captures(Stone.Black));
        Assert.Equal(0, s.Captures(Stone.White));
        Assert.Equal(4, s.Board.Liberties(V(s, "B2")));
        Assert.Equal(Stone.White, s.ToMove);
    }

    [Fact]
    public void SuicideIsIllegalByDefaultAndMultiStoneSuicideIsAnOption()
    {
        // Single-stone suicide is illegal under every preset.
        foreach (Rules rules in Rules.Presets)
        {
            GoState s = State("""
                . O . . .
                O . . . .
                . . . . .
                . . . . .
                . . . . .
                """, rules: rules);
            Assert.False(s.IsLegal(Stone.Black, V(s, "A5"), out string r));
            Assert.Equal("suicide", r);
            Assert.True(s.Board.IsSuicide(Stone.Black, V(s, "A5")));
        }

        const string multi = """
            X X O . .
            . X O . .
            O O O . .
            . . . . .
            . . . . .
            """;
        GoState strict = State(multi);
        Assert.False(strict.IsLegal(Stone.Black, V(strict, "A4"), out string reason));
        Assert.Equal("suicide", reason);
        Assert.Throws<IllegalMoveException>(() => strict.Play(Stone.Black, V(strict, "A4")));
        GoState nz = State(multi, rules: Rules.NewZealand);
        nz.Play(Stone.Black, V(nz, "A4"));
        Assert.Equal(Norm("""
            . . O . .
            . . O . .
            O O O . .
            . . . . .
            . . . . .
            """), nz.Board.ToAscii());
        Assert.Equal(4, nz.Captures(Stone.White));
        nz.Undo();
        Assert.Equal(Norm(multi), nz.Board.ToAscii());
        Assert.Equal(0, nz.Captures(Stone.White));

        // Filling the last liberty is legal when it captures.
        GoState cap = State("""
            . O X . .
            O X . . .
            X . . . .
            . . . . .
            . . . . .
            """);
        Assert.True(cap.IsLegal(Stone.Black, V(cap, "A5")));
        cap.Play(Stone.Black, V(cap, "A5"));
        Assert.Equal(2, cap.Captures(Stone.Black));
    }

    [Theory]
    [InlineData("tromp-taylor")]
    [InlineData("simple-ko")]
    [InlineData("situational")]
    public void ImmediateKoRecaptureIsIllegalUnderEveryRule(string rules)
    {
        GoState s = State(KoShape, rules: Rules.Parse(rules));
        s.Play(Stone.Black, V(s, "C3"));
        Assert.Equal(Norm("""
            . . . . .
            . X O . .
            X . X O .
            . X O . .
            . . . . .
            """), s.Board.ToAscii());
        Assert.Equal(V(s, "B3"), s.SimpleKoPoint);
        Assert.False(s.IsLegal(Stone.White, V(s, "B3"), out string reason));
        Assert.Equal("ko", reason);
        var ex = Assert.Throws<IllegalMoveException>(() => s.Play(Stone.White, V(s, "B3")));
        Assert.Equal("ko", ex.Reason);
        Assert.Contains("B3", ex.Message);
        // After an exchange elsewhere the recapture is legal again.
        s.Play(Stone.White, V(s, "E1"));
        s.Play(Stone.Black, V(s, "E5"));
        Assert.True(s.IsLegal(Stone.White, V(s, "B3")));
        // Undo brings the ko back.
        s.Undo();
        s.Undo();
        Assert.False(s.IsLegal(Stone.White, V(s, "B3")));
    }

    [Fact]
    public void PositionalSuperkoForbidsRepeatingAPositionThatSimpleKoAllows()
    {
        foreach (var (rules, legal) in new[] { (Rules.SimpleKo, true), (Rules.TrompTaylor, false), (Rules.Situational, false) })
        {
            GoState s = State(KoShape, rules: rules);
            s.Play(Stone.Black, V(s, "C3"));
            s.Play(Stone.White, s.Pass);
            s.Play(Stone.Black, s.Pass);
            // Two passes clear the simple ko point, but the recapture would recreate the first position (Black to move).
            Assert.Equal(legal, s.IsLegal(Stone.White, V(s, "B3"), out string reason));
            if (!legal) Assert.Equal("superko", reason);
        }
    }

    [Fact]
    public void SituationalSuperkoLooksAtWhoIsToMove()
    {
        // Initial position with White to move; Black captures out of turn (GTP allows any colour), so the position
        // before the capture was only ever seen with White to move. White's recapture recreates it with Black to move:
        // a new situation (legal), but a repeated position (illegal under positional superko).
        foreach (var (rules, legal) in new[] { (Rules.Situational, true), (Rules.TrompTaylor, false) })
        {
            GoState s = State(KoShape, Stone.White, rules);
            s.Play(Stone.Black, V(s, "C3"));
            Assert.Equal(Stone.White, s.ToMove);
            Assert.Equal(legal, s.IsLegal(Stone.White, V(s, "B3")));
        }
    }

    [Fact]
    public void OccupiedAndOffBoardAreIllegal()
    {
        GoState s = State(KoShape);
        Assert.False(s.IsLegal(Stone.Black, V(s, "B4"), out string reason));
        Assert.Equal("occupied", reason);
        Assert.False(s.IsLegal(Stone.Black, 26, out reason));
        Assert.Equal("off board", reason);
        Assert.True(s.IsLegal(Stone.Black, s.Pass));
    }

    [Theory]
    [InlineData("C2", ". O X . . | . X . X . | . . X . .", true)]   // centre, one opponent diagonal
    [InlineData("C2", ". O X O . | . X . X . | . . X . .", false)]  // centre, two opponent diagonals
    [InlineData("C2", ". . X . . | . X . X . | . . O . .", false)]  // a neighbour is not own
    [InlineData("C1", ". . . . . | . . X . . | X X . X X", true)]    // edge, no opponent diagonal
    [InlineData("C1", ". . . . . | . O X . . | . X . X .", false)]   // edge, one opponent diagonal
    [InlineData("A1", ". . . . . | X . . . . | . X . . .", true)]    // corner
    [InlineData("A1", ". . . . . | X O . . . | . X . . .", false)]   // corner, opponent diagonal
    public void OnePointEyesFollowTheDiagonalRule(string point, string bottomRows, bool eye)
    {
        string diagram = ". . . . .\n. . . . .\n" + bottomRows.Replace(" | ", "\n");
        GoState s = State(diagram);
        Assert.Equal(eye, s.Board.IsOnePointEye(Stone.Black, V(s, point)));
        Assert.False(s.Board.IsOnePointEye(Stone.White, V(s, point)));
    }
}
