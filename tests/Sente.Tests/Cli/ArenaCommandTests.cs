using Sente.Cli;
using Sente.Go;

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

    /// <summary>Asserts that <paramref name="dir"/> holds exactly the records of a match of <paramref name="games"/>
    /// games between <paramref name="a"/> and <paramref name="b"/> (colours alternating, A Black in the first), each a
    /// legal game whose recorded result is the Tromp-Taylor score of its final position (or Void).</summary>
    internal static void AssertRecords(string dir, int games, string a, string b, int size)
    {
        var files = Directory.GetFiles(dir, "*.sgf").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(1, games).Select(i => $"game-{i:D4}.sgf"), files.Select(Path.GetFileName));
        for (int g = 0; g < games; g++)
        {
            GameRecord r = Sgf.ReadGame(File.ReadAllText(files[g]));
            Assert.Equal(size, r.Size);
            Assert.Equal(g % 2 == 0 ? a : b, r.Properties["PB"]);
            Assert.Equal(g % 2 == 0 ? b : a, r.Properties["PW"]);
            GoState end = r.Replay();
            Assert.Equal(r.Moves.Count, end.Moves.Count);
            Assert.True(r.Result == "Void" || r.Result == end.Score().ResultString, $"{files[g]}: RE {r.Result}, score {end.Score().ResultString}");
        }
    }

    [Fact]
    public void GoGamesAreRecordedAsSgfAndAFolderWithRecordsIsNotOverwritten()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-arena-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] args = ["arena", "--a", "uct", "--b", "random", "--size", "5", "--komi", "0.5", "--games", "3", "--visits", "16", "--sgf-dir", dir];
            var o = new StringWriter();
            var e = new StringWriter();
            Assert.True(SenteApp.Run(args, o, e) == 0, e.ToString());
            Assert.Contains("SGF files: " + dir, o.ToString());
            AssertRecords(dir, 3, "uct(16)", "random", 5);

            e = new StringWriter();
            Assert.NotEqual(0, SenteApp.Run(args, new StringWriter(), e));
            Assert.Contains("already holds game records", e.ToString());
            Assert.Equal(3, Directory.GetFiles(dir).Length);

            e = new StringWriter();
            Assert.NotEqual(0, SenteApp.Run(["arena", "--game", "tictactoe", "--a", "random", "--b", "random", "--games", "2", "--sgf-dir", dir + "-t"], new StringWriter(), e));
            Assert.Contains("records Go games only", e.ToString());
            Assert.False(Directory.Exists(dir + "-t"));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void AdjudicatedGamesAreCountedAndRecordedAsResignations()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-arena-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Two UCT searches on 5x5 agree long before the end of most games that one side is lost.
            var o = new StringWriter();
            var e = new StringWriter();
            Assert.True(SenteApp.Run(["arena", "--a", "uct", "--b", "uct", "--size", "5", "--komi", "0.5", "--games", "4", "--visits", "64",
                                      "--adjudicate", "0.6", "--sgf-dir", dir], o, e) == 0, e.ToString());
            var m = System.Text.RegularExpressions.Regex.Match(o.ToString(), @"; (\d+) adjudicated");
            Assert.True(m.Success, o.ToString());
            int adjudicated = int.Parse(m.Groups[1].Value);
            Assert.InRange(adjudicated, 1, 4);
            var results = Directory.GetFiles(dir, "*.sgf").Select(f => Sgf.ReadGame(File.ReadAllText(f))).ToList();
            Assert.Equal(adjudicated, results.Count(g => g.Result is "B+R" or "W+R"));
            Assert.All(results.Where(g => g.Result!.EndsWith("+R")), g => Assert.Contains("adjudicated", g.Properties["C"]));
            Assert.All(results.Where(g => !g.Result!.EndsWith("+R")), g => Assert.Equal(g.Replay().Score().ResultString, g.Result));

            e = new StringWriter();
            Assert.NotEqual(0, SenteApp.Run(["arena", "--a", "uct", "--b", "random", "--games", "2", "--adjudicate", "1.5"], new StringWriter(), e));
            Assert.Contains("--adjudicate must be in (0, 1)", e.ToString());
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
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
