using System.CommandLine;
using System.Globalization;
using Sente.Core.Platform;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Models;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Cli.Commands.Bench;

/// <summary>
/// `sente bench nn`: network speed. Positions/s of eval-mode forwards (no_grad, random 0/1 planes) at batch 1, 8, 32
/// and 128, and the time of one float32 training step (SGD, policy cross-entropy + value MSE).
/// </summary>
public static class BenchNnCommand
{
    public static Command Create(CliContext ctx)
    {
        var shape = new NetworkShapeOptions();
        var dtype = new Option<string>("--dtype") { Description = "fp32 | bf16 (inference; training is timed in fp32).", DefaultValueFactory = _ => "fp32" };
        var threads = SharedOptions.Threads("libtorch intra-op threads (0 = all cores).");
        var seconds = SharedOptions.Seconds();
        var batches = new Option<string>("--batches") { Description = "Comma-separated inference batch sizes.", DefaultValueFactory = _ => "1,8,32,128" };
        var trainBatch = new Option<int>("--train-batch") { Description = "Batch size of the timed training step.", DefaultValueFactory = _ => 32 };
        var leelaz = new Option<bool>("--leelaz") { Description = "Also time the same network (exported to Leela Zero's format) with `leelaz --cpu-only netbench` under the same load (19x19 BatchNorm ResNet, 18 planes)." };
        var command = new Command("nn", "Network speed: positions/s at batch 1, 8, 32, 128 and the time of one training step.");
        foreach (Option o in shape.All.Concat([dtype, threads, seconds, batches, trainBatch, leelaz])) command.Options.Add(o);
        command.SetAction(parse =>
        {
            int size = parse.GetValue(shape.Board);
            double s = parse.GetValue(seconds);
            ScalarType type = parse.GetValue(dtype)!.ToLowerInvariant() switch
            {
                "fp32" or "float32" => ScalarType.Float32,
                "bf16" or "bfloat16" => ScalarType.BFloat16,
                var d => throw new CliException($"--dtype must be fp32 or bf16, got '{d}'"),
            };
            int[] sizes;
            try { sizes = parse.GetValue(batches)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray(); }
            catch (FormatException) { throw new CliException($"--batches must be comma-separated integers, got '{parse.GetValue(batches)}'"); }
            if (sizes.Length == 0 || sizes.Any(b => b < 1 || b > 4096)) throw new CliException("--batches must list sizes in 1..4096");
            int tb = parse.GetValue(trainBatch);
            if (tb is < 1 or > 4096) throw new CliException($"--train-batch must be 1..4096, got {tb}");

            ModelConfig config = shape.Config(parse);

            TorchRuntime.InitializeProcess(intraOpThreads: parse.GetValue(threads));
            int intra = TorchRuntime.ThreadCounts().IntraOp;
            random.manual_seed(1);
            PolicyValueNet net = ModelFactory.CreatePolicyValue(config);
            long parameters = net.parameters().Sum(p => p.numel());

            var table = new Table().AddColumn("what").AddColumn(new TableColumn("batch").RightAligned())
                .AddColumn(new TableColumn("positions/s").RightAligned()).AddColumn(new TableColumn("ms/batch").RightAligned());
            ctx.Console.MarkupLine(Markup.Escape($"{Checkpoint(config)}; {parameters:N0} parameters; inference {(type == ScalarType.BFloat16 ? "bf16" : "fp32")}; {intra} intra-op thread(s)"));
            if (type != ScalarType.Float32) net.to(type);
            foreach (int b in sizes)
            {
                var r = NnBenchmark.Inference(net, b, s, type);
                table.AddRow("inference", b.ToString(CultureInfo.InvariantCulture), r.PositionsPerSecond.ToString("N0", CultureInfo.InvariantCulture), r.MillisecondsPerBatch.ToString("0.00", CultureInfo.InvariantCulture));
            }
            if (type != ScalarType.Float32) net.to(ScalarType.Float32);
            var t = NnBenchmark.TrainStep(net, tb, s);
            table.AddRow("train step (fp32, SGD)", tb.ToString(CultureInfo.InvariantCulture), t.PositionsPerSecond.ToString("N0", CultureInfo.InvariantCulture), t.MillisecondsPerBatch.ToString("0.00", CultureInfo.InvariantCulture));
            var roll = NnBenchmark.RolloutMoves(size, Math.Min(s, 2.0));
            table.AddRow("rollout policy move (no torch, 1 thread)", "1", roll.PositionsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                (roll.MillisecondsPerBatch).ToString("0.0000", CultureInfo.InvariantCulture));
            foreach (int m in new[] { 0, size * size / 3 })
            {
                var enc = NnBenchmark.EncodeAlphaGo(size, m, Math.Min(s, 2.0));
                table.AddRow($"AlphaGo 49-plane encoding after {m} moves (1 thread)", "1", enc.PositionsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    enc.MillisecondsPerBatch.ToString("0.0000", CultureInfo.InvariantCulture));
            }
            if (parse.GetValue(leelaz)) table.AddRow(LeelazRow(net, intra));
            ctx.Console.Write(table);
            CpuInfo cpu = CpuInfo.Detect();
            ctx.Out.WriteLine($"CPU: {cpu.Model}, {cpu.LogicalCores} logical cores, AVX2 {(cpu.Avx2 ? "yes" : "no")}, AVX-512 {(cpu.Avx512 ? "yes" : "no")}, " +
                              $"AVX-512 BF16 {(cpu.Avx512Bf16 ? "yes" : "no")}, AMX {(cpu.Amx ? "yes" : "no")}; {s:0.#} s per row.");
            return 0;
        });
        return command;
    }

    /// <summary>Exports <paramref name="net"/> for Leela Zero and runs its `netbench` (batch 1 per thread).</summary>
    private static string[] LeelazRow(PolicyValueNet net, int threads)
    {
        string exe = ExecutableLocator.Find("leelaz") ?? throw new CliException("--leelaz: leelaz is not installed (apt-get install leela-zero)");
        if (net is not ZeroNet zero) throw new CliException("--leelaz needs a Zero net (not --arch alphago)");
        string file = Path.Combine(Path.GetTempPath(), $"sente-bench-{Guid.NewGuid():N}.txt");
        try
        {
            try { Sente.Nn.Checkpoints.LeelaZeroWeights.Export(zero, file); }
            catch (ArgumentException e) { throw new CliException("--leelaz: " + e.Message); }
            const int evals = 400;
            var psi = new System.Diagnostics.ProcessStartInfo(exe, $"--gtp --cpu-only -t {threads} --noponder -w {file}")
            { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var proc = System.Diagnostics.Process.Start(psi) ?? throw new CliException("--leelaz: cannot start leelaz");
            var errTask = proc.StandardError.ReadToEndAsync();
            proc.StandardInput.WriteLine($"netbench {evals}");
            proc.StandardInput.WriteLine("quit");
            proc.StandardInput.Flush();
            _ = proc.StandardOutput.ReadToEnd();
            proc.WaitForExit();
            string err = errTask.Result;
            var m = System.Text.RegularExpressions.Regex.Matches(err, @"([0-9]+(?:\.[0-9]+)?)\s*n/s");
            if (m.Count == 0) throw new CliException("--leelaz: no netbench result in leelaz output:\n" + err);
            double rate = double.Parse(m[^1].Groups[1].Value, CultureInfo.InvariantCulture);
            return new[] { $"leelaz 0.17 --cpu-only netbench, {threads} thread(s)", "1", rate.ToString("N0", CultureInfo.InvariantCulture),
                (1000.0 / rate).ToString("0.00", CultureInfo.InvariantCulture) };
        }
        finally { File.Delete(file); }
    }

    private static string Checkpoint(ModelConfig c) => Sente.Nn.Checkpoints.Checkpoint.Describe(c);
}
