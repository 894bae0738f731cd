using Sente.Cli;
using Sente.Go;

namespace Sente.Tests.Gtp;

public class DatagenTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    [FactRequiresProgram("gnugo")]
    public void SelfPlayWritesACollectionAndResumes()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-datagen-" + Guid.NewGuid().ToString("N"));
        string file = Path.Combine(dir, "games.sgf");
        const string engine = "gnugo --mode gtp --chinese-rules --level 1";
        try
        {
            var (code, output, err) = Run("datagen", "--engine", engine, "--games", "2", "--size", "7", "--out", file, "--random-opening", "4", "--seed", "5");
            Assert.True(code == 0, err + output);
            Assert.Contains("2 new games (0 were already there", output);
            List<GameRecord> games = Sgf.ReadCollection(File.ReadAllText(file));
            Assert.Equal(2, games.Count);

            (code, output, err) = Run("datagen", "--engine", engine, "--games", "3", "--size", "7", "--out", file, "--random-opening", "4", "--seed", "5");
            Assert.True(code == 0, err + output);
            Assert.Contains("1 new games (2 were already there", output);
            List<GameRecord> after = Sgf.ReadCollection(File.ReadAllText(file));
            Assert.Equal(3, after.Count);
            Assert.Equal(Sgf.Write(games[0]), Sgf.Write(after[0]));   // earlier games untouched
            foreach (GameRecord g in after)
            {
                Assert.Equal(7, g.Size);
                Assert.Matches(@"^GNU Go .* self-play; first [0-4] moves random legal$", g.Properties["GC"]);
                Assert.False(string.IsNullOrEmpty(g.Result));
                g.Replay();   // every move legal under Sente's rules
            }
            Assert.Empty(Directory.GetFiles(dir, "*.tmp*"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void MalformedOutputCollectionIsAUserError()
    {
        string file = Path.Combine(Path.GetTempPath(), "sente-datagen-bad-" + Guid.NewGuid().ToString("N") + ".sgf");
        File.WriteAllText(file, "(;GM[1]SZ[9];B[aa");
        try
        {
            var (code, _, err) = Run("datagen", "--engine", "gnugo --mode gtp", "--games", "1", "--out", file);
            Assert.NotEqual(0, code);
            Assert.Contains("not a valid SGF collection", err);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void AnEngineThatKeepsPlayingIllegallyStopsDatagenWithAClearError()
    {
        const string fake = "sh -c 'while read l; do case \"$l\" in genmove*) echo \"= A1\";; name*) echo \"= fake\";; quit*) echo \"=\"; echo; exit 0;; *) echo \"=\";; esac; echo; done'";
        string dir = Path.Combine(Path.GetTempPath(), "sente-datagen-fake-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, err) = Run("datagen", "--engine", fake, "--games", "1", "--size", "5", "--out", dir);
            Assert.NotEqual(0, code);
            Assert.Contains("illegal move W A1 (occupied)", err);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
