using Sente.Lee.Stages;

namespace Sente.Tests.Cli;

/// <summary>`sente lee rollout` end to end on a few games: weights, rollout.json, the printed summary; then `lee value-label` with them.</summary>
public class LeeRolloutCommandTests
{
    [Fact]
    public void TrainsOnAFewGamesAndWritesWeightsAndSummary()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-lee-rollout-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(dir);
            string[] games = File.ReadAllLines(RepoPaths.Data("gnugo-9x9/train.sgf")).Where(l => l.StartsWith("(;", StringComparison.Ordinal)).Take(40).ToArray();
            Assert.Equal(40, games.Length);
            string sgf = Path.Combine(dir, "few.sgf");
            File.WriteAllLines(sgf, games);
            string weights = Path.Combine(dir, "out", "rollout.bin");
            var (code, output, err) = SenteCli.Run("lee", "rollout", "--data", sgf, "--epochs", "1", "--out", weights);
            Assert.True(code == 0, err);
            Assert.Contains("held-out top-1", output);
            Assert.Contains("us per move selection", output);
            Assert.True(File.Exists(weights));
            var report = RolloutReport.Read(Path.Combine(dir, "out", "rollout.json"));
            Assert.InRange(report.Top1, 0.0, 1.0);
            Assert.True(report.TestPositions > 0 && report.TrainGames > 0);

            (code, _, err) = SenteCli.Run("lee", "rollout", "--data", Path.Combine(dir, "missing.sgf"), "--out", weights);
            Assert.NotEqual(0, code);
            Assert.Contains("missing.sgf", err);

            // The weights label positions (`lee value-label`); the label folder is stamped with the settings and the
            // weights' hash, and a rerun with other settings is refused while the same settings resume.
            string labels = Path.Combine(dir, "labels");
            string[] label = ["lee", "value-label", "--data", sgf, "--rollout", weights, "--out", labels, "--rollouts", "2", "--per-game", "2", "--threads", "1"];
            (code, output, err) = SenteCli.Run(label);
            Assert.True(code == 0, err);
            Assert.Contains("labelled 80 positions of 40 games in 1 new file(s)", output);
            Assert.Matches("\"rollout\": \"sha256:[0-9a-f]{16}\"", File.ReadAllText(Path.Combine(labels, LabelStamp.FileName)));
            (code, output, err) = SenteCli.Run(label);
            Assert.True(code == 0, err);
            Assert.Contains("labelled 0 positions of 0 games in 0 new file(s) (1 file(s) already there", output);
            (code, _, err) = SenteCli.Run([.. label.Select((a, i) => i > 0 && label[i - 1] == "--rollouts" ? "3" : a)]);
            Assert.NotEqual(0, code);
            Assert.Contains("rollouts 2 there, 3 now", err);
            Assert.DoesNotContain("per-game", err);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
