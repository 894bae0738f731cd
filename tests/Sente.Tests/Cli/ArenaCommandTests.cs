using Sente.Cli;

namespace Sente.Tests.Cli;

public class ArenaCommandTests
{
    [Fact]
    public void UctBeatsRandomAtConnectFourAndTheSummaryAddsUp()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = SenteApp.Run(["arena", "--game", "connect4", "--a", "uct", "--b", "random", "--games", "6", "--visits", "300"], o, e);
        Assert.True(code == 0, e.ToString());
        var m = System.Text.RegularExpressions.Regex.Match(o.ToString(), @"6 games of connect4: (\d+) wins, (\d+) losses, (\d+) draws");
        Assert.True(m.Success, o.ToString());
        int wins = int.Parse(m.Groups[1].Value), losses = int.Parse(m.Groups[2].Value), draws = int.Parse(m.Groups[3].Value);
        Assert.Equal(6, wins + losses + draws);
        Assert.True(wins >= 5, o.ToString());
    }

    [Theory]
    [InlineData("--a", "alien", "unknown side 'alien'")]
    [InlineData("--a", "net:/nonexistent.ckpt", "not found")]
    [InlineData("--game", "chess", "unknown game 'chess'")]
    public void BadArgumentsFailWithAMessage(string option, string value, string expected)
    {
        var args = new List<string> { "arena", "--a", "random", "--b", "random", "--games", "2" };
        int i = args.IndexOf(option);
        if (i >= 0) args[i + 1] = value; else { args.Add(option); args.Add(value); }
        var e = new StringWriter();
        Assert.NotEqual(0, SenteApp.Run(args.ToArray(), new StringWriter(), e));
        Assert.Contains(expected, e.ToString());
    }
}
