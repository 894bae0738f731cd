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
    /// <summary>
    /// A reader like a GUI that shows the analysis: before the line marked <c>AfterInfo</c> it waits until the output
    /// holds <paramref name="infoLines"/> info lines (at most 60 s, so a loaded machine cannot make the test flaky).
    /// </summary>
    private sealed class WaitingReader(LockedWriter output, int infoLines, params (string Line, bool AfterInfo)[] lines)
        : TextReader
    {
        private int _next;
        public override string? ReadLine()
        {
            if (_next >= lines.Length) return null;
            var (line, afterInfo) = lines[_next++];
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (afterInfo && CountInfo() < infoLines && DateTime.UtcNow < deadline) Thread.Sleep(20);
            return line;
        }

        private int CountInfo()
        {
            string text = output.ToString();
            int n = 0;
            for (int i = text.IndexOf("\ninfo move ", StringComparison.Ordinal); i >= 0;
                 i = text.IndexOf("\ninfo move ", i + 1, StringComparison.Ordinal)) n++;
            return n;
        }
    }

    /// <summary>A string writer that the analysis thread and the test's reader may use at the same time.</summary>
    private sealed class LockedWriter : TextWriter
    {
        private readonly System.Text.StringBuilder _sb = new();
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) { lock (_sb) _sb.Append(value); }
        public override void Write(string? value) { lock (_sb) _sb.Append(value); }
        public override void Write(char[] buffer, int index, int count) { lock (_sb) _sb.Append(buffer, index, count); }
        public override string ToString() { lock (_sb) return _sb.ToString(); }
    }

    private static GtpEngine Engine(string player = "mcts") => new(player switch
    {
        "mcts" => new MctsMoveGenerator("uniform", new UniformEvaluator(), new SearchLimits(Visits: 50), new MctsOptions()),
        // AlphaGo Lee's search, rollouts only (no network needed): uniform priors, uniform random rollouts.
        _ => new ApvMoveGenerator("apv", new UniformEvaluator(), null, new Sente.Search.Apv.UniformRolloutPolicy(),
                                  new SearchLimits(Visits: 50), new Sente.Search.Apv.ApvOptions { Lambda = 1, ExpansionThreshold = 2 }),
    }, new GtpEngineOptions { BoardSize = 9 });

    [Theory]
    [InlineData("mcts", "lz-analyze 10", "winrate ")]
    [InlineData("mcts", "kata-analyze b 10", "winrate 0.")]
    [InlineData("apv", "lz-analyze 10", "winrate ")]
    [InlineData("apv", "kata-analyze b 10", "winrate 0.")]
    public void AnalysisStreamsInfoLinesUntilTheNextCommand(string player, string command, string winrateText)
    {
        var output = new LockedWriter(); // the analysis writes from its own thread while the reader looks
        Engine(player).Run(new WaitingReader(output, 2, ("play b e5", false), ("1 " + command, false), ("2 name", true),
                                       ("quit", false)), output);
        string text = output.ToString();
        int start = text.IndexOf("=1\n", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        int end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        Assert.True(end > start + 3, text);
        string[] infoLines = text[(start + 3)..end].Split('\n');
        Assert.True(infoLines.Length >= 2, text);
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
        Engine().Run(new StringReader("list_commands\nlz-analyze nonsense\nname\n"), output);
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
