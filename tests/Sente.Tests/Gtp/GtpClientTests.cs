using Sente.Go;
using Sente.Gtp;
using Sente.Gtp.Client;
using Sente.Gtp.Engine;
using Sente.Gtp.Players;

namespace Sente.Tests.Gtp;

public class GtpClientTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(10);

    [Fact]
    public void ReportsAnEngineThatDiesWithItsExitCodeAndStderr()
    {
        using var c = new GtpClient(new GtpProcessConnection("sh -c 'read x; echo engine exploded >&2; exit 3'")) { Timeout = Short };
        var e = Assert.Throws<GtpEngineDiedException>(() => c.Name());
        Assert.Contains("exit code 3", e.Message);
        Assert.Contains("engine exploded", e.Message);
        Assert.Throws<GtpEngineDiedException>(() => c.Name());   // and stays dead
    }

    [Fact]
    public void TimesOutOnASilentEngine()
    {
        using var c = new GtpClient(new GtpProcessConnection("sh -c 'read x; sleep 30'")) { Timeout = TimeSpan.FromMilliseconds(300) };
        var e = Assert.Throws<GtpTimeoutException>(() => c.Name());
        Assert.Contains("did not answer 'name'", e.Message);
    }

    [Fact]
    public void RejectsAnswersThatAreNotGtp()
    {
        using var c = new GtpClient(new GtpProcessConnection("sh -c 'read x; echo hello there; echo'")) { Timeout = Short };
        var e = Assert.Throws<GtpProtocolException>(() => c.Name());
        Assert.Contains("hello there", e.Message);
    }

    [Fact]
    public void RejectsAGenmoveAnswerThatIsNotAMove()
    {
        const string fake = "sh -c 'while read l; do case \"$l\" in genmove*) echo \"= Z99\";; *) echo \"=\";; esac; echo; done'";
        using var c = new GtpClient(new GtpProcessConnection(fake)) { Timeout = Short, MoveTimeout = Short };
        c.BoardSize(9);
        var e = Assert.Throws<GtpProtocolException>(() => c.GenMove(Stone.Black));
        Assert.Contains("Z99", e.Message);
    }

    [Fact]
    public void MissingProgramGivesAClearError()
    {
        var e = Assert.Throws<GtpException>(() => new GtpProcessConnection("no-such-engine-xyz --mode gtp"));
        Assert.Contains("no-such-engine-xyz", e.Message);
    }

    [Fact]
    public void FailedCommandsThrowWithTheReply()
    {
        using var c = new GtpClient(new InProcessGtpConnection(new GtpEngine(new RandomMoveGenerator(1)), "sente:random"));
        c.BoardSize(9);
        c.Play(Stone.Black, Vertex.Parse("E5", 9));
        var e = Assert.Throws<GtpCommandFailedException>(() => c.Play(Stone.White, Vertex.Parse("E5", 9)));
        Assert.StartsWith("illegal move", e.Reply);
        Assert.Equal(new SortedSet<int> { Vertex.Parse("E5", 9) }, c.ListStones(Stone.Black));
    }

    [FactRequiresProgram("gnugo")]
    public void DrivesGnuGo()
    {
        using var c = GtpClient.Start("gnugo --mode gtp --level 1");
        Assert.Equal(2, c.ProtocolVersion());
        Assert.Equal("GNU Go", c.Name());
        c.BoardSize(9);
        c.Komi(7.5);
        c.Play(Stone.Black, Vertex.Parse("E5", 9));
        MoveReply m = c.GenMove(Stone.White);
        Assert.False(m.Resign);
        Assert.Contains(m.Point, c.ListStones(Stone.White));
        Assert.Equal(81 - 2, c.AllLegal(Stone.Black).Count);
    }
}

public class SenteGtpProcessTests
{
    /// <summary>`sente gtp` as an external engine over real stdin/stdout, driven by the client.</summary>
    [Fact]
    public void SenteGtpRunsAsAnExternalEngine()
    {
        string dll = typeof(Sente.Cli.SenteApp).Assembly.Location;
        using var c = GtpClient.Start($"dotnet '{dll}' gtp --player random --seed 7");
        Assert.Equal("Sente", c.Name());
        Assert.Equal(2, c.ProtocolVersion());
        c.BoardSize(7);
        c.Play(Stone.Black, Vertex.Parse("D4", 7));
        MoveReply m = c.GenMove(Stone.White);
        Assert.False(m.Resign);
        Assert.Contains(m.Point, c.ListStones(Stone.White));
        Assert.Throws<GtpCommandFailedException>(() => c.Send("no_such_command"));
        Assert.Equal("true", c.Send("known_command genmove"));   // still running after the error
    }

    [Fact]
    public void GtpCommandRejectsAnUnknownPlayer()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Sente.Cli.SenteApp.Run(["gtp", "--player", "nosuch"], o, e);
        Assert.NotEqual(0, code);
        Assert.Contains("unknown player 'nosuch'", e.ToString());
    }
}
