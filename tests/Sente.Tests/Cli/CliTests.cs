using Sente.Cli;

namespace Sente.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    [Fact]
    public void VersionPrintsEveryItemAndSucceeds()
    {
        var (code, output, err) = Run("version");
        Assert.True(code == 0, err);
        foreach (string item in new[] { "Sente", ".NET", "TorchSharp", "0.107.0", "libtorch", "2.10", "AVX2", "AVX-512",
                                        "AVX-512 BF16", "AMX", "torch threads", "intra-op", "gnugo", "leelaz" })
            Assert.Contains(item, output);
    }

    [Fact]
    public void UnknownCommandFailsWithAMessage()
    {
        var (code, _, err) = Run("nosuchcommand");
        Assert.NotEqual(0, code);
        Assert.Contains("nosuchcommand", err);
    }

    [Fact]
    public void UnknownOptionFailsWithAMessage()
    {
        var (code, _, err) = Run("version", "--no-such-option");
        Assert.NotEqual(0, code);
        Assert.Contains("--no-such-option", err);
    }

    [Fact]
    public void HelpListsCommands()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("version", output);
    }
}
