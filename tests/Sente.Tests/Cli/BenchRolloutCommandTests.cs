using Sente.Cli;
using Sente.Lee.Rollout;

namespace Sente.Tests.Cli;

/// <summary>`sente bench rollout` runs end to end (both implementations) and rejects bad input clearly.</summary>
public class BenchRolloutCommandTests
{
    [Fact]
    public void PrintsBothImplementationsSideBySide()
    {
        var (code, output, err) = SenteCli.Run("bench", "rollout", "--sizes", "7", "--seconds", "0.05");
        Assert.True(code == 0, err);
        foreach (string item in new[] { "zero weights", "full rescore", "IncrementalRollout", "incr", "us/select", "7x7 empty", "7x7 mid" })
            Assert.True(output.Contains(item, StringComparison.Ordinal), $"\"{item}\" missing in:\n{output}");
    }

    [Fact]
    public void ApvOptionAddsTheApvRolloutRows()
    {
        var (code, output, err) = SenteCli.Run("bench", "rollout", "--sizes", "5", "--seconds", "0.02", "--apv");
        Assert.True(code == 0, err);
        foreach (string item in new[] { "apv rollout", "move by move", "incremental", "cpu us/rollout", "black wins" })
            Assert.True(output.Contains(item, StringComparison.Ordinal), $"\"{item}\" missing in:\n{output}");
        (code, output, _) = SenteCli.Run("bench", "rollout", "--sizes", "5", "--seconds", "0.02");
        Assert.True(code == 0);
        Assert.DoesNotContain("apv rollout", output);
    }

    [Fact]
    public void ReadsAWeightsFileAndRejectsABadOne()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sente-bench-rollout-{Guid.NewGuid():N}.bin");
        try
        {
            RolloutWeightsFile.Save(path, new RolloutPolicy());
            var (code, output, err) = SenteCli.Run("bench", "rollout", "--sizes", "5", "--seconds", "0.02", "--weights", path);
            Assert.True(code == 0, err);
            Assert.Contains("weights:", output);
            File.WriteAllText(path, "not weights");
            (code, _, err) = SenteCli.Run("bench", "rollout", "--sizes", "5", "--seconds", "0.02", "--weights", path);
            Assert.NotEqual(0, code);
            Assert.Contains("rollout-weights", err);
            (code, _, err) = SenteCli.Run("bench", "rollout", "--sizes", "x");
            Assert.NotEqual(0, code);
            Assert.Contains("--sizes", err);
        }
        finally
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
