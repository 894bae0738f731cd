using Sente.Training.Lee;

namespace Sente.Tests.Cli;

/// <summary>`sente lee rollout` end to end on a few games: weights, rollout.json, the printed summary.</summary>
public class LeeRolloutCommandTests
{
    [Fact]
    public void TrainsOnAFewGamesAndWritesWeightsAndSummary()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-lee-rollout-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(dir);
            string[] games = File.ReadAllLines(RepoPaths.TestData("gnugo-9x9/train.sgf")).Where(l => l.StartsWith("(;", StringComparison.Ordinal)).Take(40).ToArray();
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
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
