using Sente.Go;
using Sente.Core.Encoding;
using Sente.Go.Features;
using Sente.Lee.Features;

namespace Sente.Tests.Go;

/// <summary>AlphaGo's 48/49 planes, AlphaGo Zero's 17 and Leela Zero's 18 on hand-drawn positions, plane by plane;
/// encoders commute with board symmetries.</summary>
public class GoEncoderTests
{
    /// <summary>A state whose stones are setup stones, except <paramref name="moves"/> played afterwards (in order,
    /// colours alternating from Black; setup stones for those points are skipped).</summary>
    private static GoState State(string diagram, params string[] moves)
    {
        Board board = Board.FromAscii(diagram);
        int size = board.Size;
        var played = moves.Select(m => Vertex.Parse(m, size)).ToHashSet();
        var state = new GoState(size, 7.5, Rules.TrompTaylor);
        for (int p = 0; p < size * size; p++)
            if (board[p] != Stone.Empty && !played.Contains(p)) state.SetupStone(p, board[p]);
        Stone c = Stone.Black;
        foreach (string m in moves)
        {
            state.Play(c, Vertex.Parse(m, size));
            c = c.Opponent();
        }
        return state;
    }

    private sealed class Planes(float[] data, int size)
    {
        public float this[int plane, string vertex] => data[plane * size * size + Vertex.Parse(vertex, size)];
        public float Sum(int plane) => data.AsSpan(plane * size * size, size * size).ToArray().Sum();
        /// <summary>The single plane of a one-hot group of 8 that is set at the vertex (-1 if none).</summary>
        public int Hot(int first, string vertex)
        {
            int hot = -1;
            for (int i = 0; i < 8; i++)
                if (this[first + i, vertex] == 1f) { Assert.Equal(-1, hot); hot = i; }
            return hot;
        }
    }

    private static Planes Encode(IPositionEncoder encoder, GoState state)
    {
        var data = new float[encoder.Planes * state.Size * state.Size];
        encoder.Encode(state, data);
        return new Planes(data, state.Size);
    }

    // Black to move. Black D1 and White E1 were the last two moves (the rest are setup stones).
    // Black: A5 and B4 are Black's own eyes; E2 captures E1; C1 is self-atari for the 3 stones C1 D1 C2; A1 is suicide.
    private const string Position = """
        . X . . .
        X . X . .
        . X O O .
        O . X O .
        . O . X O
        """;

    [Fact]
    public void AlphaGoStoneLibertyAndTurnPlanes()
    {
        var state = State(Position, "D1", "E1");
        Assert.Equal(Stone.Black, state.ToMove);
        var x = Encode(new AlphaGoEncoder(5), state);
        // Stone colour (own = Black to move), ones, zeros.
        Assert.Equal(1f, x[AlphaGoEncoder.StoneColour, "B5"]);
        Assert.Equal(0f, x[AlphaGoEncoder.StoneColour, "C3"]);
        Assert.Equal(1f, x[AlphaGoEncoder.StoneColour + 1, "C3"]);
        Assert.Equal(1f, x[AlphaGoEncoder.StoneColour + 2, "A1"]);
        Assert.Equal(0f, x[AlphaGoEncoder.StoneColour + 2, "B5"]);
        Assert.Equal(25f, x.Sum(AlphaGoEncoder.Ones));
        Assert.Equal(0f, x.Sum(AlphaGoEncoder.Zeros));
        // Turns since: E1 was the last move (1), D1 the one before (2), setup stones count as 8 or more.
        Assert.Equal(0, x.Hot(AlphaGoEncoder.TurnsSince, "E1"));
        Assert.Equal(1, x.Hot(AlphaGoEncoder.TurnsSince, "D1"));
        Assert.Equal(7, x.Hot(AlphaGoEncoder.TurnsSince, "C3"));
        Assert.Equal(-1, x.Hot(AlphaGoEncoder.TurnsSince, "A1"));
        // Liberties of the chain: D1 1 (C1), C2 2 (B2, C1), white C3-D3-D2 3 (D4, E3, E2), E1 1, B5 3.
        Assert.Equal(0, x.Hot(AlphaGoEncoder.Liberties, "D1"));
        Assert.Equal(1, x.Hot(AlphaGoEncoder.Liberties, "C2"));
        Assert.Equal(2, x.Hot(AlphaGoEncoder.Liberties, "D2"));
        Assert.Equal(0, x.Hot(AlphaGoEncoder.Liberties, "E1"));
        Assert.Equal(2, x.Hot(AlphaGoEncoder.Liberties, "B5"));
        Assert.Equal(-1, x.Hot(AlphaGoEncoder.Liberties, "C1"));
    }

    [Fact]
    public void AlphaGoMovePlanes()
    {
        var x = Encode(new AlphaGoEncoder(5), State(Position, "D1", "E1"));
        // Capture size: E2 captures one stone, C1 none; occupied and illegal points have no plane set.
        Assert.Equal(1, x.Hot(AlphaGoEncoder.CaptureSize, "E2"));
        Assert.Equal(0, x.Hot(AlphaGoEncoder.CaptureSize, "C1"));
        Assert.Equal(-1, x.Hot(AlphaGoEncoder.CaptureSize, "A1"));   // suicide: illegal
        Assert.Equal(-1, x.Hot(AlphaGoEncoder.CaptureSize, "C3"));   // occupied
        // Self-atari: C1 leaves C1-D1-C2 (3 stones) with one liberty (B2); E2 does not.
        Assert.Equal(2, x.Hot(AlphaGoEncoder.SelfAtariSize, "C1"));
        Assert.Equal(-1, x.Hot(AlphaGoEncoder.SelfAtariSize, "E2"));
        // Liberties after the move: C1 1; E2 2 (E1 freed by the capture, E3); A5 3 (A3, B4, C5 via A4 and B5); E4 3.
        Assert.Equal(0, x.Hot(AlphaGoEncoder.LibertiesAfterMove, "C1"));
        Assert.Equal(1, x.Hot(AlphaGoEncoder.LibertiesAfterMove, "E2"));
        Assert.Equal(2, x.Hot(AlphaGoEncoder.LibertiesAfterMove, "A5"));
        Assert.Equal(2, x.Hot(AlphaGoEncoder.LibertiesAfterMove, "E4"));
        Assert.Equal(-1, x.Hot(AlphaGoEncoder.LibertiesAfterMove, "A1"));
        // Sensibleness: legal and not filling an own eye (A5 and B4 are Black's eyes; A1 is illegal).
        Assert.Equal(0f, x[AlphaGoEncoder.Sensibleness, "A5"]);
        Assert.Equal(0f, x[AlphaGoEncoder.Sensibleness, "B4"]);
        Assert.Equal(0f, x[AlphaGoEncoder.Sensibleness, "A1"]);
        Assert.Equal(1f, x[AlphaGoEncoder.Sensibleness, "C1"]);
        Assert.Equal(1f, x[AlphaGoEncoder.Sensibleness, "E2"]);
        // No two-liberty white chain to ladder, and Black's D1 cannot escape by C1.
        Assert.Equal(0f, x.Sum(AlphaGoEncoder.LadderCapture));
        Assert.Equal(0f, x.Sum(AlphaGoEncoder.LadderEscape));
    }

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

    [Theory]
    [InlineData(false, 1f)]
    [InlineData(true, 0f)]
    public void AlphaGoLadderCapturePlane(bool breaker, float expected)
    {
        var state = State(Ladder);
        if (breaker) state.SetupStone(Vertex.Parse("G7", 9), Stone.White);
        var x = Encode(new AlphaGoEncoder(9), state);
        Assert.Equal(expected, x[AlphaGoEncoder.LadderCapture, "D5"]);
        Assert.Equal(0f, x[AlphaGoEncoder.LadderCapture, "E4"]);
        Assert.Equal(expected, x.Sum(AlphaGoEncoder.LadderCapture));
    }

    [Theory]
    [InlineData(false, 0f)]
    [InlineData(true, 1f)]
    public void AlphaGoLadderEscapePlane(bool breaker, float expected)
    {
        var state = State(Ladder);
        state.SetupStone(Vertex.Parse("D5", 9), Stone.Black);
        if (breaker) state.SetupStone(Vertex.Parse("G7", 9), Stone.White);
        state.SetToMove(Stone.White);
        var x = Encode(new AlphaGoEncoder(9, colourPlane: true), state);
        Assert.Equal(expected, x[AlphaGoEncoder.LadderEscape, "E4"]);
        Assert.Equal(expected, x.Sum(AlphaGoEncoder.LadderEscape));
        Assert.Equal(0f, x.Sum(AlphaGoEncoder.PlayerColour)); // White to move
    }

    [Fact]
    public void AlphaGoColourPlaneIsOnesForBlack()
    {
        var enc = new AlphaGoEncoder(5, colourPlane: true);
        Assert.Equal(49, enc.Planes);
        Assert.Equal(25f, Encode(enc, State(Position, "D1", "E1")).Sum(AlphaGoEncoder.PlayerColour));
    }

    [Fact]
    public void ZeroAndLeelaZeroHistoryPlanes()
    {
        var state = new GoState(5, 7.5, Rules.TrompTaylor);
        state.Play(Stone.Black, Vertex.Parse("C3", 5));
        state.Play(Stone.White, Vertex.Parse("C4", 5));
        state.Play(Stone.Black, Vertex.Parse("D3", 5)); // White to move
        foreach (var enc in new[] { StoneHistoryEncoder.AlphaGoZero(5), StoneHistoryEncoder.LeelaZero18(5) })
        {
            var x = Encode(enc, state);
            // Own (White) stones now and one move ago; none two moves ago.
            Assert.Equal(1f, x[0, "C4"]);
            Assert.Equal(1f, x.Sum(0));
            Assert.Equal(1f, x[1, "C4"]);
            Assert.Equal(0f, x.Sum(2));
            // Opponent (Black): C3 D3 now, C3 before.
            Assert.Equal(2f, x.Sum(8));
            Assert.Equal(1f, x[8, "D3"]);
            Assert.Equal(1f, x.Sum(9));
            Assert.Equal(1f, x[10, "C3"]);
            Assert.Equal(0f, x.Sum(11)); // the empty start position
            for (int k = 12; k < 16; k++) Assert.Equal(0f, x.Sum(k));
            Assert.Equal(0f, x.Sum(16)); // not Black to move
            if (enc.LeelaZero) Assert.Equal(25f, x.Sum(17));
        }
        Assert.Equal(17, StoneHistoryEncoder.AlphaGoZero(5).Planes);
        Assert.Equal(18, StoneHistoryEncoder.LeelaZero18(5).Planes);
    }

    [Fact]
    public void HistoryBeforeTheFirstMoveIsZeros()
    {
        var state = new GoState(5, 7.5, Rules.TrompTaylor);
        state.SetupStone(Vertex.Parse("B2", 5), Stone.Black);
        state.SetupStone(Vertex.Parse("D4", 5), Stone.Black);
        state.SetToMove(Stone.White);
        var x = Encode(StoneHistoryEncoder.LeelaZero18(5), state);
        Assert.Equal(2f, x.Sum(8));
        for (int k = 1; k < 8; k++) Assert.Equal(0f, x.Sum(8 + k));
        state.SetToMove(Stone.Black);
        x = Encode(StoneHistoryEncoder.AlphaGoZero(5), state);
        Assert.Equal(2f, x.Sum(0));
        Assert.Equal(25f, x.Sum(16));
    }

    [Fact]
    public void EncodersCommuteWithBoardSymmetries()
    {
        const int size = 7;
        var sym = Symmetry.For(size);
        var rng = new Random(12);
        var legal = new List<int>();
        var game = new GoGame(size);
        var original = game.NewState();
        var moves = new List<int>();
        for (int i = 0; i < 30; i++)
        {
            original.LegalActions(legal);
            int a = legal[rng.Next(legal.Count - 1)]; // never pass
            original.Apply(a);
            moves.Add(a);
        }
        var encoders = new IPositionEncoder[] { new AlphaGoEncoder(size, true), StoneHistoryEncoder.AlphaGoZero(size), StoneHistoryEncoder.LeelaZero18(size) };
        for (int s = 1; s < Symmetry.Count; s++)
        {
            var image = game.NewState();
            foreach (int m in moves) image.Apply(sym.Map(s, m));
            foreach (var enc in encoders)
            {
                var a = new float[enc.Planes * size * size];
                var b = new float[a.Length];
                var ta = new float[a.Length];
                enc.Encode(original, a);
                enc.Encode(image, b);
                sym.TransformPlanes(s, a, ta, enc.Planes);
                Assert.Equal(ta, b);
            }
        }
    }
}
