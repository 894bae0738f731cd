using Sente.Go;
using Sente.Gtp;
using Sente.Gtp.Engine;
using Sente.Gtp.Players;

namespace Sente.Tests.Gtp;

/// <summary>A generator bound to one board size (a trained network) refuses other sizes the GTP way, not with an
/// internal error.</summary>
public class BoardSizeSupportTests
{
    private sealed class NineOnly : IMoveGenerator
    {
        private readonly RandomMoveGenerator _random = new(1);
        public string Name => "nine-only";
        public bool SupportsBoardSize(int size) => size == 9;
        public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock) =>
            state.Size == 9 ? _random.GenerateMove(state, color, clock) : throw new InvalidOperationException("must not be asked");
    }

    [Fact]
    public void BoardsizeAnswersUnacceptableSizeAndGenmoveNamesTheSizes()
    {
        var engine = new GtpEngine(new NineOnly(), new GtpEngineOptions { BoardSize = 19 });
        Assert.Equal("? move generator 'nine-only' cannot play 19x19 (boardsize to a size it plays)\n\n", engine.ProcessLine("genmove b"));
        Assert.Equal("? unacceptable size\n\n", engine.ProcessLine("boardsize 13"));
        Assert.Equal("=\n\n", engine.ProcessLine("boardsize 9"));
        Assert.StartsWith("= ", engine.ProcessLine("genmove b"));
    }

    [Fact]
    public void GeneratorsWithoutASizeAcceptEverySize()
    {
        var engine = new GtpEngine(new RandomMoveGenerator(1), new GtpEngineOptions { BoardSize = 9 });
        Assert.Equal("=\n\n", engine.ProcessLine("boardsize 13"));
        Assert.Equal("=\n\n", engine.ProcessLine("boardsize 19"));
    }
}
