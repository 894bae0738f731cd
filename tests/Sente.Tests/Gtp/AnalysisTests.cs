using Sente.Cli;
using Sente.Core.Evaluation;
using Sente.Gtp.Engine;
using Sente.Gtp.Players;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Search;

namespace Sente.Tests.Gtp;

/// <summary>lz-analyze / kata-analyze streaming, and playing with a trained network through match and gtp.</summary>
public class AnalysisTests
{
    /// <summary>A reader that hands out its lines, pausing before the ones given, like a GUI that waits.</summary>
    private sealed class SlowReader(params (string Line, int DelayMs)[] lines) : TextReader
    {
        private int _next;
        public override string? ReadLine()
        {
            if (_next >= lines.Length) return null;
            var (line, delay) = lines[_next++];
            if (delay > 0) Thread.Sleep(delay);
            return line;
        }
    }

    private static GtpEngine Engine() =>
        new(new MctsMoveGenerator("uniform", new UniformEvaluator(), new SearchLimits(Visits: 50), new MctsOptions()),
            new GtpEngineOptions { BoardSize = 9 });

    [Theory]
    [InlineData("lz-analyze 10", "winrate ")]
    [InlineData("kata-analyze b 10", "winrate 0.")]
    public void AnalysisStreamsInfoLinesUntilTheNextCommand(string command, string winrateText)
    {
        var output = new StringWriter();
        Engine().Run(new SlowReader(("play b e5", 0), ("1 " + command, 0), ("2 name", 1500), ("quit", 0)), output);
        string text = output.ToString();
        int start = text.IndexOf("=1\n", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        int end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        string[] infoLines = text[(start + 3)..end].Split('\n');
        Assert.True(infoLines.Length >= 1, text);
        foreach (string line in infoLines)
        {
            Assert.StartsWith("info move ", line);
            Assert.Contains(" visits ", line);
            Assert.Contains(winrateText, line);
            Assert.Contains(" pv ", line);
        }
        Assert.Contains("order 0", infoLines[^1]);
        Assert.Contains("=2 Sente", text[end..]); // the interrupting command is answered after the blank line
    }

    [Fact]
    public void AnalysisCommandsAreListedAndBadArgumentsAreErrors()
    {
        var output = new StringWriter();
        Engine().Run(new SlowReader(("list_commands", 0), ("lz-analyze nonsense", 0), ("name", 0)), output);
        string text = output.ToString();
        Assert.Contains("lz-analyze", text);
        Assert.Contains("kata-analyze", text);
        Assert.Contains("? analysis: unexpected argument 'nonsense'", text);
        Assert.EndsWith("= Sente\n\n", text);
    }

    [FactRequiresProgram("gnugo")]
    public void MatchPlaysWithATrainedNetworkCheckpoint()
    {
        TorchRuntime.InitializeProcess();
        string dir = Path.Combine(Path.GetTempPath(), "sente-net-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var config = new ModelConfig(ModelKind.Zero, 9, 17, new TrunkConfig(Blocks: 1, Width: 8));
            string model = Path.Combine(dir, "net.ckpt");
            using (var net = ModelFactory.CreatePolicyValue(config)) Checkpoint.Save(model, net, config, 0);
            var o = new StringWriter();
            var e = new StringWriter();
            int code = SenteApp.Run(["match", "--black", $"sente:mcts:model={model},visits=4", "--white", "sente:random",
                                     "--games", "2", "--size", "9"], o, e);
            Assert.True(code == 0, e.ToString() + o);
            Assert.Contains("2 games", o.ToString());

            code = SenteApp.Run(["match", "--black", "sente:mcts:model=/nonexistent.ckpt", "--white", "sente:random", "--games", "1", "--size", "9"], o, e);
            Assert.NotEqual(0, code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
