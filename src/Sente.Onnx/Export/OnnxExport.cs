using System.Text.Json;
using Google.Protobuf;
using Onnx;
using Sente.Core.IO;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Onnx.Export;

/// <summary>
/// Exports Sente's networks as standard ONNX models (any ONNX Runtime opens them unchanged): opset
/// <see cref="Opset"/> (default domain), IR version <see cref="IrVersion"/>, float32, BatchNorm folded as
/// <see cref="NetworkWriter"/> describes.
/// <para>Input <c>planes</c>: N x C x H x W float32, N dynamic ("N"), planes as the model's encoder writes them (the
/// player to move's view). Outputs, exactly the torch module's forward: <c>policy</c> N x actions logits
/// (unnormalized; pass last for Go) for <see cref="ZeroNet"/>, <see cref="AlphaGoNet"/> and
/// <see cref="AlphaGoPolicyNet"/>; <c>value</c> N values in [-1, 1] for the player to move (tanh) for
/// <see cref="ZeroNet"/>, <see cref="AlphaGoNet"/> and <see cref="AlphaGoValueNet"/>. Softmax over legal moves,
/// symmetries and clamping are the evaluator's (<see cref="Sente.Onnx.Evaluation.OnnxEvaluator"/>).</para>
/// <para>Metadata: <c>sente.config</c> (the <see cref="ModelConfig"/> as JSON), <c>sente.kind</c>.
/// Supported: Zero nets on every trunk kind (ResNet, pre-activation, wide, pyramid, dense) and normalization (batch,
/// layer, none), the AlphaGo policy net (with or without the pass logit), the value net (AlphaGo's stack or any
/// trunk) and the AlphaGo pair. Anything else fails with <see cref="NotSupportedException"/> naming its type.</para>
/// Thread-safety: reads the module's weights only; do not train it concurrently.
/// </summary>
public static class OnnxExport
{
    /// <summary>The ONNX operator set the exporter writes (default domain).</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version matching <see cref="Opset"/>.</summary>
    public const long IrVersion = 8;

    /// <summary>Name of the input.</summary>
    public const string InputName = "planes";

    /// <summary>Name of the policy-logits output.</summary>
    public const string PolicyName = "policy";

    /// <summary>Name of the value output.</summary>
    public const string ValueName = "value";

    /// <summary>The ONNX model of <paramref name="module"/> (its current weights and BatchNorm running statistics).</summary>
    public static ModelProto ToModel(nn.Module module)
    {
        var (config, kind) = module switch
        {
            ZeroNet z => (z.Config, "zero"),
            AlphaGoNet a => (a.Config, "alphago"),
            AlphaGoPolicyNet p => (p.Config, "alphago-policy"),
            AlphaGoValueNet v => (v.Config, "alphago-value"),
            _ => throw new NotSupportedException($"ONNX export: {module.GetType().Name} is not a network the exporter knows " +
                                                 "(ZeroNet, AlphaGoNet, AlphaGoPolicyNet, AlphaGoValueNet)"),
        };
        var g = new OnnxGraph();
        var n = new NetworkWriter(g, new ModelWeights(module));
        int h = config.H, w = config.W;
        g.Graph.Input.Add(OnnxGraph.FloatInfo(InputName, null, config.InputPlanes, h, w));
        string? policy = null, value = null;
        switch (module)
        {
            case ZeroNet:
                (policy, value) = ZeroHeads(n, InputName, config);
                break;
            case AlphaGoNet:
                policy = AlphaGoPolicy(n, n.FirstChannels(InputName, config.InputPlanes - 1), "policy.", config);
                value = AlphaGoValue(n, InputName, "value.", config);
                break;
            case AlphaGoPolicyNet:
                policy = AlphaGoPolicy(n, InputName, "", config);
                break;
            case AlphaGoValueNet:
                value = AlphaGoValue(n, InputName, "", config);
                break;
        }
        if (policy is not null)
        {
            g.RenameOutput(policy, PolicyName);
            g.Graph.Output.Add(OnnxGraph.FloatInfo(PolicyName, null, config.NumActions));
        }
        if (value is not null)
        {
            g.RenameOutput(value, ValueName);
            g.Graph.Output.Add(OnnxGraph.FloatInfo(ValueName, (long?)null));
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Sente",
            ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = g.Graph,
            DocString = $"Sente {kind} network: input planes N x {config.InputPlanes} x {h} x {w} (player to move's view); " +
                        "policy = logits (softmax over legal moves for priors), value = tanh, player to move's view.",
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "sente.kind", Value = kind });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "sente.config", Value = JsonSerializer.Serialize(config) });
        return model;
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically (fsynced).</summary>
    public static void Save(ModelProto model, string path) => AtomicFile.Write(path, model.WriteTo);

    /// <summary>Exports <paramref name="module"/> to <paramref name="path"/> (see <see cref="ToModel"/>).</summary>
    public static void Save(nn.Module module, string path) => Save(ToModel(module), path);

    /// <summary>Reads an ONNX model file.</summary>
    public static ModelProto Load(string path)
    {
        using var stream = File.OpenRead(path);
        return ModelProto.Parser.ParseFrom(stream);
    }

    /// <summary>The <see cref="ModelConfig"/> stored in a model written by <see cref="ToModel"/>.</summary>
    /// <exception cref="InvalidDataException">The model has no Sente metadata.</exception>
    public static ModelConfig ConfigOf(ModelProto model) =>
        model.MetadataProps.FirstOrDefault(p => p.Key == "sente.config") is { } entry
            ? JsonSerializer.Deserialize<ModelConfig>(entry.Value) ?? throw new InvalidDataException("empty sente.config")
            : throw new InvalidDataException("the ONNX model has no sente.config metadata (not written by Sente)");

    private static (string Policy, string Value) ZeroHeads(NetworkWriter n, string x, ModelConfig config)
    {
        var t = config.TrunkOrDefault;
        string h = TrunkWriter.Write(n, x, "trunk.", config.InputPlanes, t);
        string p = n.Relu(n.ConvNorm(h, "policy_conv", "policy_norm", t.Norm));
        p = n.Linear(n.Flatten(p), "policy_fc");
        string v = n.Relu(n.ConvNorm(h, "value_conv", "value_norm", t.Norm));
        v = n.Relu(n.Linear(n.Flatten(v), "value_fc1"));
        v = n.SqueezeLast(n.Tanh(n.Linear(v, "value_fc2")));
        return (p, v);
    }

    private static string AlphaGoStack(NetworkWriter n, string x, string p, ModelConfig config)
    {
        string h = x;
        for (int i = 0; i < config.Layers - 1; i++) h = n.Relu(n.Conv(h, $"{p}convs.{i}"));
        return h;
    }

    private static string AlphaGoPolicy(NetworkWriter n, string x, string p, ModelConfig config)
    {
        string h = AlphaGoStack(n, x, p, config);
        string logits = n.AddVector(n.Flatten(n.Conv(h, p + "output")), p + "point_bias");
        string pass = config.PassLogit ? n.Linear(n.GlobalMean(h), p + "pass") : n.ConstantColumn(logits, -1e4f);
        return n.Concat([logits, pass]);
    }

    private static string AlphaGoValue(NetworkWriter n, string x, string p, ModelConfig config)
    {
        string h = config.Trunk is null
            ? n.Conv(AlphaGoStack(n, x, p, config), p + "output")
            : n.ConvNorm(TrunkWriter.Write(n, x, p + "trunk.", config.InputPlanes, config.Trunk), p + "output", p + "output_norm",
                config.Trunk.Norm);
        string v = n.Relu(n.Linear(n.Flatten(h), p + "fc1"));
        return n.SqueezeLast(n.Tanh(n.Linear(v, p + "fc2")));
    }
}
