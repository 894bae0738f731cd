using System.Diagnostics;
using System.Globalization;
using Sente.Core.Platform;
using Sente.Go;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Go.Features;

namespace Sente.Tests.Nn;

/// <summary>Sente's Zero net, exported in Leela Zero's format, gives the same policy and winrate in leelaz as in
/// Sente's TorchEvaluator with the Leela Zero 18-plane encoder: checks the encoder, the point order, the heads and the
/// BatchNorm folding against an independent implementation.</summary>
public sealed class LeelaZeroCrossCheckTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "sente-lz-" + Guid.NewGuid().ToString("N"));


    public void Dispose() => Directory.Delete(dir, recursive: true);

    [FactRequiresProgram("leelaz")]
    public void LeelazHeatmapMatchesTorchEvaluator()
    {
        NnTestUtil.Init();
        Directory.CreateDirectory(dir);
        random.manual_seed(17);
        var config = new ModelConfig(ModelKind.Zero, 19, 18, new TrunkConfig(TrunkKind.ResNet, 1, 8));
        var net = new ZeroNet(config);
        // Non-trivial BatchNorm statistics and affine parameters, so the folding is exercised.
        using (no_grad())
            foreach (var (name, t) in net.named_buffers())
                if (name.EndsWith("running_mean")) t.copy_(randn(t.shape) * 0.3);
                else if (name.EndsWith("running_var")) t.copy_(rand(t.shape) + 0.5);
        using (no_grad())
            foreach (var (name, p) in net.named_parameters())
                if (name.Contains("norm") && name.EndsWith("weight")) p.copy_(rand(p.shape) + 0.5);
                else if (name.Contains("norm") && name.EndsWith("bias")) p.copy_(randn(p.shape) * 0.2);
        using (no_grad())
            foreach (var (name, p) in net.named_parameters())
                if (name == "policy_fc.weight") p.copy_(randn(p.shape) * 0.05); // a varied policy: a wrong point order cannot hide
                else if (name == "policy_fc.bias") p.copy_(randn(p.shape));
                else if (name == "policy_norm.bias") p.fill_(1.0f);          // keep the policy features alive through ReLU
                else if (name == "value_fc2.weight") p.mul_(0.1);   // a winrate away from 0 and 1
        net.eval();
        string weights = Path.Combine(dir, "net.txt");
        LeelaZeroWeights.Export(net, weights);

        var state = new GoState(19, 7.5, Rules.TrompTaylor);
        string[] moves = { "Q16", "D4", "R4", "C16", "E17" };
        Stone c = Stone.Black;
        foreach (string m in moves) { state.Play(c, Vertex.Parse(m, 19)); c = c.Opponent(); }
        var ev = new TorchEvaluator(net, StoneHistoryEncoder.LeelaZero18(19));
        var priors = new float[362];
        var values = new float[1];
        ev.Evaluate(new[] { state }, priors, values);

        var (heat, pass, winrate) = RunLeelaz(weights, moves);
        // Leela Zero prints policy x 1000 truncated to integers; its prior is over all points (not only legal ones),
        // so compare on the legal points after renormalizing ours to its total.
        int top = Enumerable.Range(0, 361).MaxBy(p => heat[p]);
        output.WriteLine($"points with leelaz prior >= 10/1000: {heat.Count(h => h >= 10)}");
        output.WriteLine($"top point {Vertex.ToGtp(top, 19)}: leelaz {heat[top]}/1000, sente {1000 * priors[top]:0.0}/1000; " +
                         $"pass {pass} vs {1000 * priors[361]:0.0}; winrate {winrate} vs {(1 + values[0]) / 2:0.0000}");
        var legal = new List<int>();
        state.LegalActions(legal);
        for (int p = 0; p < 361; p++)
        {
            if (!legal.Contains(p)) continue;
            Assert.True(Math.Abs(heat[p] - 1000 * priors[p]) <= 2.0 + 0.02 * heat[p], $"{Vertex.ToGtp(p, 19)}: leelaz {heat[p]}, sente {1000 * priors[p]:0.0}");
        }
        Assert.True(Math.Abs(pass - 1000 * priors[361]) <= 2.0, $"pass: leelaz {pass}, sente {1000 * priors[361]:0.0}");
        Assert.Equal((1 + values[0]) / 2, winrate, 2);
    }

    private static (double[] Heat, double Pass, double Winrate) RunLeelaz(string weights, string[] moves)
    {
        var psi = new ProcessStartInfo(ExecutableLocator.Find("leelaz")!, $"--gtp --cpu-only -t 1 --noponder -w {weights}")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var proc = Process.Start(psi)!;
        var err = new System.Text.StringBuilder();
        proc.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (err) err.AppendLine(e.Data); };
        proc.BeginErrorReadLine();
        Stone c = Stone.Black;
        foreach (string m in moves)
        {
            proc.StandardInput.WriteLine($"play {(c == Stone.Black ? "b" : "w")} {m}");
            c = c.Opponent();
        }
        proc.StandardInput.WriteLine("heatmap");
        proc.StandardInput.WriteLine("quit");
        proc.StandardInput.Flush();
        _ = proc.StandardOutput.ReadToEnd();
        Assert.True(proc.WaitForExit(60_000), "leelaz did not exit");
        proc.WaitForExit();
        string text;
        lock (err) text = err.ToString();
        // The heatmap: 19 rows of 19 integers (top row first), then "pass: N" and "winrate: F".
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        int passLine = lines.FindLastIndex(l => l.StartsWith("pass:"));
        Assert.True(passLine >= 19, "no heatmap in leelaz output:\n" + text);
        var heat = new double[361];
        for (int r = 0; r < 19; r++)
        {
            var nums = lines[passLine - 19 + r].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(19, nums.Length);
            int y = 18 - r;
            for (int x = 0; x < 19; x++) heat[y * 19 + x] = nums[x];
        }
        double pass = double.Parse(lines[passLine]["pass:".Length..].Trim(), CultureInfo.InvariantCulture);
        string wl = lines.First(l => l.StartsWith("winrate:"));
        double winrate = double.Parse(wl["winrate:".Length..].Trim(), CultureInfo.InvariantCulture);
        return (heat, pass, winrate);
    }
}
