using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Sente.Core.Encoding;
using Sente.Core.Games;
using Sente.Games;
using Sente.Go.Features;
using Sente.Lee.Features;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Models;
using Sente.Onnx.Evaluation;
using Sente.Onnx.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Onnx;

/// <summary>
/// ONNX export: for every architecture (small seeded random networks with non-trivial BatchNorm/GroupNorm statistics),
/// ONNX Runtime's outputs on real positions equal the TorchSharp module's within 1e-4.
/// </summary>
public class OnnxExportTests
{
    public OnnxExportTests() => TorchRuntime.InitializeProcess();

    private const float Tolerance = 1e-4f;

    public static TheoryData<string> Architectures() =>
    [
        "zero-resnet-batch", "zero-resnet-layer", "zero-resnet-none", "zero-preact", "zero-wide", "zero-pyramid",
        "zero-dense-bottleneck", "zero-dense-plain-layer", "alphago-policy", "alphago-policy-pass", "alphago-value",
        "alphago-value-resnet", "alphago-pair", "tictactoe", "connect-four",
    ];

    /// <summary>The network, its encoder and positions of its game for an architecture id.</summary>
    internal static (nn.Module Net, IPositionEncoder Encoder, List<IGameState> States) Case(string id, int positions = 12)
    {
        random.manual_seed(StableSeed(id));
        TrunkConfig T(TrunkKind kind, NormKind norm = NormKind.Batch, int blocks = 2) =>
            new(kind, blocks, 16, norm, PyramidAlpha: 8, GrowthRate: 4, DenseBlocks: 2);
        ModelConfig Zero(TrunkConfig t) => new(ModelKind.Zero, 9, 17, t, ValueHidden: 32);
        ModelConfig Lee(ModelKind kind, int planes, bool pass = false, TrunkConfig? trunk = null) =>
            new(kind, 9, planes, trunk, Filters: 16, Layers: 4, PassLogit: pass, ValueHidden: 32);
        var zeroEncoder = StoneHistoryEncoder.AlphaGoZero(9);
        var go = (Func<List<IGameState>>)(() => OnnxTestData.GoPositions(positions));
        (nn.Module, IPositionEncoder, List<IGameState>) result = id switch
        {
            "zero-resnet-batch" => (new ZeroNet(Zero(T(TrunkKind.ResNet))), zeroEncoder, go()),
            "zero-resnet-layer" => (new ZeroNet(Zero(T(TrunkKind.ResNet, NormKind.Layer))), zeroEncoder, go()),
            "zero-resnet-none" => (new ZeroNet(Zero(T(TrunkKind.ResNet, NormKind.None))), zeroEncoder, go()),
            "zero-preact" => (new ZeroNet(Zero(T(TrunkKind.PreAct))), zeroEncoder, go()),
            "zero-wide" => (new ZeroNet(Zero(T(TrunkKind.Wide))), zeroEncoder, go()),
            "zero-pyramid" => (new ZeroNet(Zero(T(TrunkKind.Pyramid))), zeroEncoder, go()),
            "zero-dense-bottleneck" => (new ZeroNet(Zero(T(TrunkKind.Dense, blocks: 3))), zeroEncoder, go()),
            "zero-dense-plain-layer" => (new ZeroNet(Zero(T(TrunkKind.Dense, NormKind.Layer, 3) with { Bottleneck = false })),
                zeroEncoder, go()),
            "alphago-policy" => (new AlphaGoPolicyNet(Lee(ModelKind.AlphaGoPolicy, 48)), new AlphaGoEncoder(9), go()),
            "alphago-policy-pass" => (new AlphaGoPolicyNet(Lee(ModelKind.AlphaGoPolicy, 48, pass: true)), new AlphaGoEncoder(9), go()),
            "alphago-value" => (new AlphaGoValueNet(Lee(ModelKind.AlphaGoValue, 49)), new AlphaGoEncoder(9, colourPlane: true), go()),
            "alphago-value-resnet" => (new AlphaGoValueNet(Lee(ModelKind.AlphaGoValue, 49, trunk: T(TrunkKind.ResNet))),
                new AlphaGoEncoder(9, colourPlane: true), go()),
            "alphago-pair" => (new AlphaGoNet(Lee(ModelKind.AlphaGo, 49)), new AlphaGoEncoder(9, colourPlane: true), go()),
            "tictactoe" => (new ZeroNet(new ModelConfig(ModelKind.Zero, 3, 3, T(TrunkKind.ResNet), ValueHidden: 16, Actions: 9)),
                new ObservationEncoder(new TicTacToe()), OnnxTestData.RandomPositions(new TicTacToe(), positions)),
            "connect-four" => (new ZeroNet(new ModelConfig(ModelKind.Zero, 7, 3, T(TrunkKind.PreAct), ValueHidden: 16, Height: 6,
                    Width: 7, Actions: 7)),
                new ObservationEncoder(new ConnectFour()), OnnxTestData.RandomPositions(new ConnectFour(), positions)),
            _ => throw new ArgumentException(id),
        };
        OnnxTestData.RandomizeNorms(result.Item1);
        // Then move the BatchNorm running statistics toward the real positions' (train-mode forwards update them, as
        // training would): realistic, non-trivial statistics that keep the one-channel heads' ReLUs alive.
        float[] warm = EncodeAll(result.Item2, result.Item3);
        for (int i = 0; i < 10; i++) TorchOutputs(result.Item1, result.Item2, warm, result.Item3.Count, train: true);
        result.Item1.eval();
        return result;
    }

    /// <summary>A seed from the id that does not change between processes (string.GetHashCode does).</summary>
    internal static long StableSeed(string id) => id.Aggregate(17L, (h, c) => (h * 31 + c) & 0xFFFFFF);

    internal static float[] EncodeAll(IPositionEncoder encoder, List<IGameState> states)
    {
        int size = encoder.Planes * encoder.Height * encoder.Width;
        var input = new float[states.Count * size];
        for (int i = 0; i < states.Count; i++) encoder.Encode(states[i], input.AsSpan(i * size, size));
        return input;
    }

    /// <summary>The torch module's raw outputs (policy logits, values; either may be null).</summary>
    internal static (float[]? Policy, float[]? Value) TorchOutputs(nn.Module net, IPositionEncoder encoder, float[] input, int rows,
        bool train = false)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        net.train(train);
        Tensor x = tensor(input, new long[] { rows, encoder.Planes, encoder.Height, encoder.Width });
        return net switch
        {
            PolicyValueNet pv => pv.forward(x) is var (p, v) ? (p.data<float>().ToArray(), v.data<float>().ToArray()) : default,
            AlphaGoPolicyNet p => (p.forward(x).data<float>().ToArray(), null),
            AlphaGoValueNet v => (null, v.forward(x).data<float>().ToArray()),
            _ => throw new ArgumentException(net.GetType().Name),
        };
    }

    /// <summary>ONNX Runtime's outputs of an exported model (whichever of policy and value it has).</summary>
    internal static (float[]? Policy, float[]? Value) OnnxOutputs(byte[] model, IPositionEncoder encoder, float[] input, int rows)
    {
        using var session = OnnxSessions.Create(model, intraOpThreads: 1);
        using var x = OrtValue.CreateTensorValueFromMemory(input, new long[] { rows, encoder.Planes, encoder.Height, encoder.Width });
        var names = session.OutputMetadata.Keys.ToArray();
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [OnnxExport.InputName], [x], names);
        float[]? policy = null, value = null;
        for (int i = 0; i < names.Length; i++)
        {
            float[] data = results[i].GetTensorDataAsSpan<float>().ToArray();
            if (names[i] == OnnxExport.PolicyName) policy = data;
            else if (names[i] == OnnxExport.ValueName) value = data;
        }
        return (policy, value);
    }

    internal static float MaxAbsDiff(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        float max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void OnnxOutputsEqualTorchOutputs(string id)
    {
        var (net, encoder, states) = Case(id);
        byte[] model = OnnxExport.ToModel(net).ToByteArray();
        float[] input = EncodeAll(encoder, states);
        var torchOut = TorchOutputs(net, encoder, input, states.Count);
        var onnxOut = OnnxOutputs(model, encoder, input, states.Count);
        Assert.Equal(torchOut.Policy is null, onnxOut.Policy is null);
        Assert.Equal(torchOut.Value is null, onnxOut.Value is null);
        if (torchOut.Policy is not null)
        {
            float d = MaxAbsDiff(torchOut.Policy, onnxOut.Policy!);
            Assert.True(d <= Tolerance, $"{id}: policy logits differ by {d}");
            // A real check: the logits are not all equal (a constant network would pass trivially).
            Assert.True(torchOut.Policy.Max() - torchOut.Policy.Where(v => v > -1e3f).Min() > 1e-3f, $"{id}: flat policy");
        }
        if (torchOut.Value is not null)
        {
            float d = MaxAbsDiff(torchOut.Value, onnxOut.Value!);
            Assert.True(d <= Tolerance, $"{id}: values differ by {d}");
            Assert.True(torchOut.Value.Max() - torchOut.Value.Min() > 1e-4f, $"{id}: constant value");
        }
    }

    [Fact]
    public void FoldingIsExercisedWrongStatisticsWouldBeCaught()
    {
        // Export, then change the running statistics in torch only: the outputs must now differ, proving the exported
        // model carries the statistics (a comparison that ignores them could not fail).
        var (net, encoder, states) = Case("zero-resnet-batch");
        byte[] model = OnnxExport.ToModel(net).ToByteArray();
        OnnxTestData.RandomizeNorms(net, seed: 99);
        float[] input = EncodeAll(encoder, states);
        var torchOut = TorchOutputs(net, encoder, input, states.Count);
        var onnxOut = OnnxOutputs(model, encoder, input, states.Count);
        Assert.True(MaxAbsDiff(torchOut.Policy!, onnxOut.Policy!) > 1e-2f);
    }

    [Fact]
    public void TheModelStatesOpsetDynamicBatchAndConfig()
    {
        var (net, _, _) = Case("zero-resnet-batch");
        var model = OnnxExport.ToModel(net);
        Assert.Equal(OnnxExport.Opset, model.OpsetImport.Single(o => o.Domain == "").Version);
        Assert.Equal("N", model.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "BatchNormalization");
        Assert.Equal(((ZeroNet)net).Config, OnnxExport.ConfigOf(model));
        // Every BatchNorm of a ResNet follows a convolution: none is left as a Mul.
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Mul");
    }

    [Fact]
    public void SaveWritesAFileOnnxRuntimeOpens()
    {
        var (net, encoder, states) = Case("zero-preact", positions: 3);
        string dir = Directory.CreateTempSubdirectory("sente-onnx-").FullName;
        try
        {
            string path = Path.Combine(dir, "net.onnx");
            OnnxExport.Save(net, path);
            using var ev = OnnxEvaluator.FromFile(path, encoder);
            var (logits, values) = ev.Run(EncodeAll(encoder, states), states.Count);
            Assert.Equal(states.Count * 82, logits.Length);
            Assert.Equal(states.Count, values.Length);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void AnUnknownModuleFailsNamingIt()
    {
        var e = Assert.Throws<NotSupportedException>(() => OnnxExport.ToModel(new WaveNet(2, 2)));
        Assert.Contains("WaveNet", e.Message);
    }
}
