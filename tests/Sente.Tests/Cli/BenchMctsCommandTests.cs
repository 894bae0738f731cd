using Sente.Cli;

namespace Sente.Tests.Cli;

public class BenchMctsCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    [Fact]
    public void PrintsPlayoutsPerSecondForEachEvaluatorThreadCountAndBatch()
    {
        var (code, output, err) = Run("bench", "mcts", "--game", "tictactoe", "--playouts", "300", "--threads", "1,2", "--batch", "1,4");
        Assert.True(code == 0, err);
        Assert.Contains("playouts/s", output);
        Assert.Contains("uniform", output);
        Assert.Contains("rollout", output);
        Assert.Equal(8, output.Split('\n').Count(l => l.Contains("│ 300 ") || l.Contains(" 300 │")));
    }

    [Fact]
    public void LockstepGamesModeRuns()
    {
        var (code, output, err) = Run("bench", "mcts", "--game", "connect4", "--playouts", "100", "--games", "4", "--batch", "2", "--evaluator", "uniform");
        Assert.True(code == 0, err);
        Assert.Contains("4 games in lockstep", output);
    }

    [Theory]
    [InlineData("--game", "chess", "unknown game 'chess'")]
    [InlineData("--threads", "0", "--threads expects")]
    [InlineData("--batch", "x", "--batch expects")]
    [InlineData("--evaluator", "net", "unknown evaluator 'net'")]
    public void BadInputFailsWithAMessage(string option, string value, string message)
    {
        var (code, _, err) = Run("bench", "mcts", option, value, "--playouts", "10");
        Assert.NotEqual(0, code);
        Assert.Contains(message, err);
    }
}
