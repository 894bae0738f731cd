using Sente.Go;
using Sente.Gtp;
using Sente.Gtp.Engine;
using Sente.Gtp.Players;

namespace Sente.Tests.Gtp;

public class GtpEngineTests
{
    private sealed class Scripted(Func<GoState, Stone, GtpClock, MoveReply> choose) : IMoveGenerator
    {
        public string Name => "scripted";
        public int NewGames { get; private set; }
        public GtpClock? LastClock { get; private set; }
        public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock)
        {
            LastClock = clock;
            return choose(state, color, clock);
        }
        public void NewGame() => NewGames++;
    }

    private static string Send(GtpEngine e, string line) => e.ProcessLine(line) ?? "<none>";

    [Fact]
    public void HandicapStonesAreSetupNotMovesAndWhitePlaysNext()
    {
        var e = new GtpEngine(new RandomMoveGenerator(3));
        Assert.Equal("=\n\n", Send(e, "boardsize 9"));
        Assert.Equal("= C3 G7\n\n", Send(e, "fixed_handicap 2"));
        Assert.Equal(Stone.White, e.State.ToMove);
        Assert.Equal("=\n\n", Send(e, "komi 0.5"));   // komi keeps the position and who is to move
        Assert.Equal(Stone.White, e.State.ToMove);
        Assert.Equal(0.5, e.State.Komi);
        Assert.StartsWith("= ", Send(e, "genmove w"));
        Assert.Equal("=\n\n", Send(e, "undo"));
        Assert.Equal("? cannot undo\n\n", Send(e, "undo"));
        Assert.Equal("= G7 C3\n\n", Send(e, "list_stones black"));
    }

    [Fact]
    public void TimeSettingsReachTheMoveGenerator()
    {
        var g = new Scripted((s, _, _) => MoveReply.At(s.Pass));
        var e = new GtpEngine(g);
        Send(e, "time_settings 600 30 5");
        Send(e, "time_left white 42 3");
        Assert.Equal("= pass\n\n", Send(e, "genmove w"));
        Assert.Equal(new GtpClock(600, 30, 5, 42, 3), g.LastClock);
        Send(e, "genmove b");
        Assert.Equal(new GtpClock(600, 30, 5, null, null), g.LastClock);
    }

    [Fact]
    public void ABadMoveGeneratorGetsAnErrorAndTheEngineKeepsRunning()
    {
        var e = new GtpEngine(new Scripted((_, _, _) => MoveReply.At(0)));
        Send(e, "boardsize 5");
        Send(e, "play b A1");
        Assert.Equal("? move generator 'scripted' chose an illegal move A1 (occupied)\n\n", Send(e, "genmove w"));
        var crashing = new GtpEngine(new Scripted((_, _, _) => throw new InvalidOperationException("boom")));
        Assert.Equal("? internal error in genmove: InvalidOperationException: boom\n\n", Send(crashing, "genmove b"));
        Assert.Equal("= 2\n\n", Send(crashing, "protocol_version"));
        Assert.Equal("= resign\n\n", Send(new GtpEngine(new Scripted((_, _, _) => MoveReply.Resignation)), "genmove b"));
    }

    [Fact]
    public void NewGamesAreAnnouncedToTheGenerator()
    {
        var g = new Scripted((s, _, _) => MoveReply.At(s.Pass));
        var e = new GtpEngine(g);
        Send(e, "boardsize 9");
        Send(e, "clear_board");
        Assert.Equal(2, g.NewGames);
    }

    [Fact]
    public void PrintsgfToAFileAndLoadsgfRestoreTheGame()
    {
        string file = Path.Combine(Path.GetTempPath(), "sente-gtp-" + Guid.NewGuid().ToString("N") + ".sgf");
        try
        {
            var e = new GtpEngine(new RandomMoveGenerator(5));
            Send(e, "boardsize 9");
            Send(e, "komi 6.5");
            Send(e, "set_free_handicap D4 F6 E5");
            for (int i = 0; i < 20; i++) Send(e, i % 2 == 0 ? "genmove w" : "genmove b");
            string board = Send(e, "showboard");
            Assert.Equal("=\n\n", Send(e, $"printsgf {file}"));

            var f = new GtpEngine(new RandomMoveGenerator(6));
            Assert.Equal("=\n\n", Send(f, $"loadsgf {file}"));
            Assert.Equal(board, Send(f, "showboard"));
            Assert.Equal(6.5, f.State.Komi);
            Assert.Equal(e.State.ToMove, f.State.ToMove);
            Assert.Equal(Send(e, "printsgf"), Send(f, "printsgf"));
            // Undo goes back through the moves but never removes the handicap.
            for (int i = 0; i < 20; i++) Assert.Equal("=\n\n", Send(f, "undo"));
            Assert.Equal("= F6 E5 D4\n\n", Send(f, "list_stones black"));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void RunStopsAtQuitAndRegisteredCommandsAreListed()
    {
        var e = new GtpEngine(new RandomMoveGenerator(1));
        e.Register("sente-hello", a => "hello " + string.Join(' ', a));
        var output = new StringWriter();
        e.Run(new StringReader("1 sente-hello world\n2 known_command sente-hello\nquit\nname\n"), output);
        Assert.Equal("=1 hello world\n\n=2 true\n\n=\n\n", output.ToString());
        Assert.True(e.QuitRequested);
        Assert.Contains("sente-hello", e.CommandNames);
    }
}
