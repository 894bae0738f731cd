using Sente.Cli;

namespace Sente.Tests.Cli;

/// <summary>`sente bench nn` runs end to end on a tiny net and rejects bad options clearly.</summary>
public class BenchNnCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    [Theory]
    [InlineData("resnet")]
    [InlineData("dense")]
    [InlineData("alphago")]
    public void PrintsATableForATinyNet(string arch)
    {
        var (code, output, err) = Run("bench", "nn", "--board", "5", "--arch", arch, "--blocks", "3", "--filters", "4",
            "--seconds", "0.02", "--batches", "1,4", "--train-batch", "2");
        Assert.True(code == 0, err);
        foreach (string item in new[] { "positions/s", "inference", "train step", "5x5", "CPU:" }) Assert.Contains(item, output);
    }

    [Theory]
    [InlineData("--dtype", "fp16", "--dtype")]
    [InlineData("--arch", "transformer", "transformer")]
    [InlineData("--batches", "1,x", "--batches")]
    [InlineData("--board", "1", "--board")]
    public void BadOptionsFailWithAMessage(string option, string value, string expected)
    {
        var (code, _, err) = Run("bench", "nn", option, value);
        Assert.NotEqual(0, code);
        Assert.Contains(expected, err);
    }
}
