using Sente.Cli;

namespace Sente.Tests.Gtp;

public class MatchTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    [FactRequiresProgram("gnugo")]
    public void RandomAgainstGnuGoRunsAndReports()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-match-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, err) = Run("match", "--black", "sente:random", "--white", "gnugo --mode gtp --level 1",
                                          "--games", "4", "--size", "9", "--sgf-dir", dir);
            Assert.True(code == 0, err + output);
            Assert.Contains("A (sente:random): ", output);
            Assert.Matches(@"(\d+) wins, (\d+) losses, (\d+) draws", output);
            Assert.Contains("win rate", output);
            Assert.Contains("Elo A-B", output);
            Assert.Contains("forfeits: none", output);
            Assert.Equal(4, Directory.GetFiles(dir, "game-*.sgf").Length);
            // Colours alternate: A is black in games 1 and 3, white in 2 and 4.
            Assert.Contains("game   1: A black", output);
            Assert.Contains("game   2: A white", output);
            Sente.Go.GameRecord g = Sente.Go.Sgf.ReadGame(File.ReadAllText(Path.Combine(dir, "game-0002.sgf")));
            Assert.Equal("sente:random", g.Properties["PW"]);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AnEngineThatPlaysIllegallyForfeitsAndIsReported()
    {
        // A fake engine that accepts everything and always answers genmove with A1: its second A1 is illegal.
        const string fake = "sh -c 'while read l; do case \"$l\" in genmove*) echo \"= A1\";; quit*) echo \"=\"; echo; exit 0;; *) echo \"=\";; esac; echo; done'";
        var (code, output, err) = Run("match", "--black", "sente:random", "--white", fake, "--games", "2", "--size", "5");
        Assert.True(code == 0, err + output);
        Assert.Contains("illegal move A1", output);
        Assert.Contains("A (sente:random): 2 wins, 0 losses, 0 draws", output);
        Assert.Contains("forfeits: 2", output);
    }

    [Fact]
    public void UnknownInternalPlayerIsAUserError()
    {
        var (code, _, err) = Run("match", "--black", "sente:nosuch", "--white", "sente:random", "--games", "1");
        Assert.NotEqual(0, code);
        Assert.Contains("unknown player 'nosuch'", err);
    }

    [Fact]
    public void InternalPlayersPlayEachOther()
    {
        var (code, output, err) = Run("match", "--black", "sente:random", "--white", "sente:random", "--games", "2", "--size", "7", "--seed", "3");
        Assert.True(code == 0, err + output);
        Assert.Matches(@"A \(sente:random\): \d+ wins, \d+ losses, \d+ draws", output);
        Assert.Contains("two passes", output);
    }
}

public class MatchResumeTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    [Fact]
    public void AMatchWithAnSgfFolderResumesAndRefusesAnotherMatchsFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-match-resume-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] first = ["match", "--black", "sente:random", "--white", "sente:random", "--games", "2", "--size", "5", "--sgf-dir", dir];
            var (code, output, err) = Run(first);
            Assert.True(code == 0, err + output);
            Assert.Equal(2, Directory.GetFiles(dir, "game-*.sgf").Length);
            string game1 = File.ReadAllText(Path.Combine(dir, "game-0001.sgf"));

            string[] more = [.. first];
            more[6] = "3";
            (code, output, err) = Run(more);
            Assert.True(code == 0, err + output);
            Assert.Equal(3, Directory.GetFiles(dir, "game-*.sgf").Length);
            Assert.Equal(2, output.Split('\n').Count(l => l.Contains("(from an earlier run)")));
            Assert.Equal(game1, File.ReadAllText(Path.Combine(dir, "game-0001.sgf")));
            Assert.Matches(@"A \(sente:random\): (\d+) wins, (\d+) losses, (\d+) draws", output);
            var m = System.Text.RegularExpressions.Regex.Match(output, @"(\d+) wins, (\d+) losses, (\d+) draws");
            Assert.Equal(3, int.Parse(m.Groups[1].Value) + int.Parse(m.Groups[2].Value) + int.Parse(m.Groups[3].Value));

            (code, _, err) = Run("match", "--black", "sente:random", "--white", "sente:random", "--games", "3", "--size", "7", "--sgf-dir", dir);
            Assert.NotEqual(0, code);
            Assert.Contains("another match", err);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
