using Sente.Core.Config;

namespace Sente.Tests.Core;

public class ConfigFileTests
{
    private const string Text = """
        # a comment
        game = go          # trailing comment
        board.size = 9
        komi = 7.5
        name = "with # hash"
        lr.schedule = 0.02, 0.002
        resign = off
        """;

    [Fact]
    public void TypedGettersReadValuesAndDefaults()
    {
        var c = ConfigFile.Parse(Text, "t.cfg");
        Assert.Equal("go", c.GetChoice("game", "tictactoe", "go", "tictactoe"));
        Assert.Equal(9, c.GetInt("board.size", 19, 2, 25));
        Assert.Equal(7.5, c.GetDouble("komi", 0));
        Assert.Equal("with # hash", c.GetString("name", ""));
        Assert.Equal(new[] { 0.02, 0.002 }, c.GetDoubles("lr.schedule", []));
        Assert.False(c.GetBool("resign", true));
        Assert.Equal(400, c.GetInt("visits", 400));
        Assert.Empty(c.UnusedKeys());
    }

    [Fact]
    public void OverridesWinAndUnusedKeysAreReported()
    {
        var c = ConfigFile.Parse("visits = 100\nvisitz = 3\n", "t.cfg").WithOverrides(["visits=800"]);
        Assert.Equal(800, c.GetInt("visits", 1));
        var e = Assert.Throws<ConfigException>(c.ThrowOnUnusedKeys);
        Assert.Contains("visitz", e.Message);
        Assert.Contains("t.cfg:2", e.Message);
    }

    [Theory]
    [InlineData("size 9", "expected 'key = value'")]
    [InlineData("size = 9\nsize = 10", "set twice")]
    [InlineData("b@d = 1", "not a valid key")]
    public void MalformedTextIsRejectedWithLine(string text, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFile.Parse(text, "x.cfg"));
        Assert.Contains(expected, e.Message);
        Assert.Contains("x.cfg:", e.Message);
    }

    [Fact]
    public void BadValuesNameKeyLineAndBound()
    {
        var c = ConfigFile.Parse("size = 40\nkomi = abc\nflag = maybe\ngame = chess", "y.cfg");
        Assert.Contains("y.cfg:1", Assert.Throws<ConfigException>(() => c.GetInt("size", 9, 2, 25)).Message);
        Assert.Contains("must be a number", Assert.Throws<ConfigException>(() => c.GetDouble("komi", 0)).Message);
        Assert.Contains("true or false", Assert.Throws<ConfigException>(() => c.GetBool("flag", false)).Message);
        Assert.Contains("one of", Assert.Throws<ConfigException>(() => c.GetChoice("game", "go", "go", "tictactoe")).Message);
    }
}
