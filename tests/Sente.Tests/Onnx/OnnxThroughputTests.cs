using System.Diagnostics;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Go.Features;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using Sente.Onnx.Evaluation;
using Sente.Onnx.Export;
using Sente.Onnx.Quantization;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Sente.Tests.Onnx;

/// <summary>
/// Side-by-side throughput (Slow: a measurement, not run by default): torch fp32, ONNX Runtime fp32 and int8 QDQ
/// evaluations per second through the IEvaluator (encoding and legal softmax included) at batch 1 and 32, a 6 x 64
/// ResNet on 9x9 (AlphaGo Zero's 17 planes), 2 intra-op threads each, in one process. Also checks that ONNX Runtime
/// really runs the int8 model on integer kernels (QLinearConv in its optimized graph).
/// Run: dotnet test -c Release --no-build -s tests/Sente.Tests/slow.runsettings --filter FullyQualifiedName~OnnxThroughput
///   --logger "console;verbosity=detailed"
/// </summary>
public class OnnxThroughputTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void TorchVersusOnnxFp32VersusInt8()
    {
        TorchRuntime.InitializeProcess(interopThreads: 1, intraOpThreads: 2);
        random.manual_seed(1);
        var net = new ZeroNet(new ModelConfig(ModelKind.Zero, 9, 17, new TrunkConfig(TrunkKind.ResNet, 6, 64)));
        var encoder = StoneHistoryEncoder.AlphaGoZero(9);
        var calibration = OnnxTestData.GoPositions(64, seed: 31, firstGame: 0);
        var positions = OnnxTestData.GoPositions(32, seed: 32, firstGame: 300);
        net.eval();
        var fp32 = OnnxExport.ToModel(net);
        var int8 = QdqQuantizer.Quantize(fp32, OnnxExportTests.EncodeAll(encoder, calibration), calibration.Count);

        string optimized = Path.Combine(Path.GetTempPath(), $"sente-int8-opt-{Environment.ProcessId}.onnx");
        try
        {
            using (var so = new SessionOptions
                   {
                       GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimized,
                   })
            using (new InferenceSession(int8.ToByteArray(), so)) { }
            var ops = OnnxExport.Load(optimized).Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine("int8 graph after ONNX Runtime's optimizations: " +
                             string.Join(", ", ops.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}")));
            Assert.True(ops.GetValueOrDefault("QLinearConv") > 0, "no integer convolutions in the optimized int8 graph");
        }
        finally { File.Delete(optimized); }

        var torchEv = new TorchEvaluator(net, encoder, new TorchEvaluatorOptions(IntraOpThreads: 2));
        using var onnx32 = new OnnxEvaluator(fp32.ToByteArray(), encoder, new OnnxEvaluatorOptions(IntraOpThreads: 2));
        using var onnx8 = new OnnxEvaluator(int8.ToByteArray(), encoder, new OnnxEvaluatorOptions(IntraOpThreads: 2));
        output.WriteLine($"ONNX Runtime {OnnxSessions.Version()}, TorchSharp {TorchRuntime.Versions().TorchSharp}, " +
                         $"{Environment.ProcessorCount} cores, load average {LoadAverage()}");
        foreach (int batch in new[] { 1, 32 })
            foreach (var (name, ev) in new (string, IEvaluator)[] { ("torch fp32", torchEv), ("onnx fp32", onnx32), ("onnx int8", onnx8) })
            {
                double rate = Measure(ev, positions.Take(batch).ToList(), TimeSpan.FromSeconds(3));
                output.WriteLine($"{name,-10} batch {batch,2}: {rate,8:F1} evaluations/s");
                Assert.True(rate > 0);
            }
        output.WriteLine($"load average after: {LoadAverage()}");
    }

    private static double Measure(IEvaluator ev, List<IGameState> states, TimeSpan duration)
    {
        int n = states[0].Game.NumActions;
        var p = new float[states.Count * n];
        var v = new float[states.Count];
        for (int i = 0; i < 3; i++) ev.Evaluate(states, p, v); // warm-up
        long positions = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            ev.Evaluate(states, p, v);
            positions += states.Count;
        }
        return positions / clock.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
