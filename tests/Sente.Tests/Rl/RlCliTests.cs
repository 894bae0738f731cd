using Sente.Cli;

namespace Sente.Tests.Rl;

/// <summary>Each `sente rl` command runs end to end on a small size and writes its PNG and CSV files.</summary>
public class RlCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    private static string TempDir() => Directory.CreateTempSubdirectory("sente-rl-").FullName;

    [Theory]
    [InlineData("gridworld", new[] { "gridworld-v-random.png", "gridworld-v-optimal.png", "gridworld-values.csv" }, new string[0])]
    [InlineData("bandit", new[] { "figure-2.2-reward.png", "figure-2.2-optimal.png", "figure-2.3-optimal.png", "figure-2.4-reward.png", "figure-2.5-optimal.png", "figure-2.5.csv" }, new[] { "--runs", "20", "--steps", "50" })]
    [InlineData("cliff", new[] { "cliff-online-returns.png", "cliff-online-returns.csv", "cliff-q-learning-values.png" }, new[] { "--runs", "2", "--episodes", "50" })]
    [InlineData("corridor", new[] { "corridor.png", "corridor.csv" }, new[] { "--runs", "2", "--episodes", "50" })]
    [InlineData("cartpole", new[] { "cartpole-seed3.png", "cartpole-seed3.csv", "cartpole-seeds.png" }, new[] { "--episodes", "20" })]
    [InlineData("marketing", new[] { "marketing-regret.png", "marketing-policies.csv", "marketing-uplift.csv", "marketing-calibration.csv", "marketing-segments.csv" }, new[] { "--customers", "5000", "--passes", "1" })]
    public void CommandWritesItsFiles(string command, string[] files, string[] extra)
    {
        string dir = TempDir();
        try
        {
            var (code, output, err) = Run(["rl", command, "--out", dir, "--seed", "3", .. extra]);
            Assert.True(code == 0, err + output);
            foreach (string f in files)
            {
                string path = Path.Combine(dir, f);
                Assert.True(File.Exists(path), $"{f} missing; output: {output}");
                Assert.True(new FileInfo(path).Length > 100, $"{f} is nearly empty");
            }
            Assert.Empty(Directory.GetFiles(dir, "*.tmp*"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void GridworldPrintsFigure41Values()
    {
        string dir = TempDir();
        try
        {
            var (code, output, _) = Run("rl", "gridworld", "--out", dir);
            Assert.Equal(0, code);
            Assert.Contains("-22.0", output);
            Assert.Contains("q_pi(11, down) = -1.00", output);
            Assert.Contains("q_pi(7, down) = -15.00", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BadOptionValuesFailWithAMessage()
    {
        var (code, _, err) = Run("rl", "bandit", "--runs", "0");
        Assert.NotEqual(0, code);
        Assert.Contains("--runs must be positive", err);
        (code, _, err) = Run("rl", "cliff", "--alpha", "2");
        Assert.NotEqual(0, code);
        Assert.Contains("--alpha", err);
        (code, _, err) = Run("rl", "cartpole", "--device", "tpu");
        Assert.NotEqual(0, code);
        Assert.Contains("--device", err);
    }
}
