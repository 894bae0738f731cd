using Sente.Gtp.Client;
using Sente.Gtp.Match;
using Sente.Gtp.Protocol;

namespace Sente.Tests.Gtp;

public class GtpProtocolTests
{
    [Theory]
    [InlineData("protocol_version", null, "protocol_version", "")]
    [InlineData("12 play b D4", 12, "play", "b D4")]
    [InlineData("  play\tw   c3  # a comment", null, "play", "w c3")]
    [InlineData("play b\r d4\x07", null, "play", "b d4")]
    [InlineData("0 name", 0, "name", "")]
    public void ParsesIdNameAndArguments(string line, int? id, string name, string args)
    {
        Assert.True(GtpRequest.TryParse(line, out GtpRequest? r, out int? readId, out string? error), error);
        Assert.Equal(id, r!.Id);
        Assert.Equal(id, readId);
        Assert.Equal(name, r.Name);
        Assert.Equal(args, string.Join(' ', r.Args));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("# only a comment")]
    [InlineData("\r")]
    public void IgnoresEmptyLinesAndComments(string line)
    {
        Assert.False(GtpRequest.TryParse(line, out GtpRequest? r, out _, out string? error));
        Assert.Null(r);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("12", 12, "missing command name")]
    [InlineData("99999999999 name", null, "invalid command id")]
    public void MalformedLinesGiveAnError(string line, int? id, string message)
    {
        Assert.False(GtpRequest.TryParse(line, out _, out int? readId, out string? error));
        Assert.Equal(id, readId);
        Assert.Contains(message, error);
    }

    [Fact]
    public void ResponsesAreFormattedWithIdAndTerminatedByABlankLine()
    {
        Assert.Equal("= 2\n\n", GtpResponse.Ok("2").Format(null));
        Assert.Equal("=7 2\n\n", GtpResponse.Ok("2").Format(7));
        Assert.Equal("=\n\n", GtpResponse.Ok().Format(null));
        Assert.Equal("?3 unknown command\n\n", GtpResponse.Error("unknown command").Format(3));
        // A blank line inside a response would end it early: it is removed; a leading newline is kept.
        Assert.Equal("= a\nb\n\n", GtpResponse.Ok("a\n\nb\n").Format(null));
        Assert.Equal("= \nboard\n\n", GtpResponse.Ok("\nboard").Format(null));
    }

    [Theory]
    [InlineData("gnugo --mode gtp --level 1", new[] { "gnugo", "--mode", "gtp", "--level", "1" })]
    [InlineData("  prog 'a b' \"c \\\" d\" e\\ f ", new[] { "prog", "a b", "c \" d", "e f" })]
    public void SplitsCommandLines(string line, string[] words) => Assert.Equal(words, CommandLine.Split(line));

    [Theory]
    [InlineData("prog 'unclosed")]
    [InlineData("prog \"unclosed")]
    [InlineData("   ")]
    public void RejectsMalformedCommandLines(string line) => Assert.Throws<FormatException>(() => CommandLine.Split(line));

    [Fact]
    public void MatchStatisticsGiveWilsonIntervalAndElo()
    {
        var s = new MatchStatistics(15, 5, 0);
        Assert.Equal(0.75, s.Score, 12);
        var (lo, hi) = s.ScoreInterval;
        // Wilson 95% for 15/20: 0.5313 .. 0.8881 (computed by hand from the formula).
        Assert.Equal(0.5313, lo, 3);
        Assert.Equal(0.8881, hi, 3);
        Assert.Equal(190.85, s.Elo, 1);      // -400 log10(1/0.75 - 1)
        Assert.Equal(0.5, new MatchStatistics(3, 3, 4).Score, 12);
        Assert.Equal(0, new MatchStatistics(3, 3, 4).Elo, 12);
        Assert.True(double.IsNegativeInfinity(new MatchStatistics(0, 20, 0).Elo));
        Assert.Equal("-inf", MatchStatistics.FormatElo(new MatchStatistics(0, 20, 0).Elo));
        Assert.Equal(0, new MatchStatistics(0, 20, 0).ScoreInterval.Low, 12);
    }

    [Theory]
    [InlineData("B+3.5", 3.5)]
    [InlineData("W+0.5", -0.5)]
    [InlineData("0", 0)]
    public void ParsesScores(string text, double margin)
    {
        Assert.True(GtpClient.TryParseScore(text, out double m));
        Assert.Equal(margin, m);
    }

    [Theory]
    [InlineData("B+")]
    [InlineData("X+3")]
    [InlineData("B3")]
    public void RejectsMalformedScores(string text) => Assert.False(GtpClient.TryParseScore(text, out _));
}
