using Sente.Cli;

namespace Sente.Tests.Cli;

public class BenchGoCommandTests
{
    [Fact]
    public void BenchGoPrintsBothBoardSizes()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = SenteApp.Run(["bench", "go", "--seconds", "0.05"], o, e);
        Assert.True(code == 0, e.ToString());
        string output = o.ToString();
        foreach (string item in new[] { "9x9", "19x19", "playout", "game", "playouts/s", "moves/s", "per CPU-s" })
            Assert.Contains(item, output);
    }

    [Fact]
    public void BenchGoRejectsABadDuration()
    {
        var e = new StringWriter();
        int code = SenteApp.Run(["bench", "go", "--seconds", "0"], new StringWriter(), e);
        Assert.NotEqual(0, code);
        Assert.Contains("--seconds", e.ToString());
    }
}
