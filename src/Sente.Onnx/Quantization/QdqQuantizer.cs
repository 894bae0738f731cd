using System.Text.Json;
using Google.Protobuf;
using Onnx;
using Sente.Onnx.Export;

namespace Sente.Onnx.Quantization;

/// <summary>
/// Static post-training int8 quantization of a float32 model from <see cref="OnnxExport"/>, in the QDQ format
/// (QuantizeLinear / DequantizeLinear pairs around float ops; ONNX Runtime fuses DQ - Conv - Q groups into integer
/// kernels). The recipe:
/// <list type="bullet">
/// <item>Weights of Conv and Gemm: int8, per output channel (axis 0), symmetric (zero point 0), scale = max|w| / 127
/// (63 with <see cref="QuantizationOptions.ReduceRange"/>). Biases: int32 with scale = input scale x weight scale.</item>
/// <item>Activations: uint8, per tensor, asymmetric, scale and zero point from the calibrated min/max (the range
/// always includes 0). Quantized: the input planes, the data input of every Conv and Gemm, and the outputs of Conv,
/// Gemm, Relu and residual Add (two activations) read by a quantized op (Conv, Gemm, Add, Relu, Concat, Pad,
/// Flatten); never the graph outputs (policy logits and value stay float; the last Gemm outputs float) nor a tensor
/// whose only consumer is a Relu (the Relu's output carries the quantization; ONNX Runtime then drops the Relu, as a
/// uint8 tensor with zero point 0 cannot be negative). Normalization arithmetic, Tanh and shape ops stay float.</item>
/// <item>The calibration (<see cref="Calibration.ToJson"/>) and the recipe are saved in the model's metadata
/// (<see cref="Calibration.MetadataKey"/>, <c>sente.quantization</c>).</item>
/// </list>
/// Thread-safe: pure functions of their arguments.
/// </summary>
public static class QdqQuantizer
{
    /// <summary>Metadata key of the recipe.</summary>
    public const string RecipeKey = "sente.quantization";

    private static readonly HashSet<string> Producers = ["Conv", "Gemm", "Add", "Relu"];
    private static readonly HashSet<string> QuantizedReaders = ["Conv", "Gemm", "Add", "Relu", "Concat", "Pad", "Flatten"];

    /// <summary>Calibrates <paramref name="fp32"/> on <paramref name="rows"/> encoded positions and quantizes it.</summary>
    public static ModelProto Quantize(ModelProto fp32, float[] calibrationInput, int rows, QuantizationOptions? options = null)
    {
        options = (options ?? new QuantizationOptions()).Validate();
        return Quantize(fp32, Calibration.Measure(fp32, calibrationInput, rows, options.CalibrationBatch), options);
    }

    /// <summary>Quantizes <paramref name="fp32"/> with a given calibration (see the class comment).</summary>
    public static ModelProto Quantize(ModelProto fp32, Calibration calibration, QuantizationOptions? options = null)
    {
        options = (options ?? new QuantizationOptions()).Validate();
        var model = fp32.Clone();
        var graph = model.Graph;
        if (graph.Node.Any(n => n.OpType is "QuantizeLinear" or "DequantizeLinear"))
            throw new ArgumentException("the model is already quantized");
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var outputs = graph.Output.Select(o => o.Name).ToHashSet();
        var consumers = new Dictionary<string, List<NodeProto>>();
        foreach (var node in graph.Node)
            foreach (string i in node.Input)
                (consumers.TryGetValue(i, out var list) ? list : consumers[i] = []).Add(node);

        // Which activations get a QDQ pair.
        var quantized = new HashSet<string>();
        bool Eligible(string t) => calibration.Ranges.ContainsKey(t) && !outputs.Contains(t) && !initializers.ContainsKey(t) &&
            !(consumers.TryGetValue(t, out var c) && c.Count > 0 && c.All(n => n.OpType == "Relu"));
        quantized.Add(graph.Input[0].Name);
        foreach (var node in graph.Node)
        {
            if (node.OpType is "Conv" or "Gemm" && Eligible(node.Input[0])) quantized.Add(node.Input[0]);
            bool residualAdd = node.OpType != "Add" || node.Input.All(i => !initializers.ContainsKey(i));
            if (Producers.Contains(node.OpType) && residualAdd && Eligible(node.Output[0]) &&
                consumers.TryGetValue(node.Output[0], out var readers) && readers.Any(r => QuantizedReaders.Contains(r.OpType)))
                quantized.Add(node.Output[0]);
        }
        foreach (var node in graph.Node)
            if (node.OpType is "Conv" or "Gemm" && !quantized.Contains(node.Input[0]))
                throw new InvalidOperationException($"{node.Name}: its input {node.Input[0]} has no calibrated range");

        var activation = quantized.ToDictionary(t => t, t => ActivationParams(calibration.Ranges[t]));
        var newNodes = new List<NodeProto>();
        var newInits = new List<TensorProto>();
        var dequantized = quantized.ToDictionary(t => t, t => t + "_dq");

        void AddQdq(string t)
        {
            var (scale, zp) = activation[t];
            newInits.Add(FloatScalar(t + "_scale", scale));
            newInits.Add(new TensorProto
            {
                Name = t + "_zp", DataType = (int)TensorProto.Types.DataType.Uint8, RawData = ByteString.CopyFrom(zp),
            });
            newNodes.Add(Node("QuantizeLinear", [t, t + "_scale", t + "_zp"], t + "_q"));
            newNodes.Add(Node("DequantizeLinear", [t + "_q", t + "_scale", t + "_zp"], t + "_dq"));
        }

        if (quantized.Contains(graph.Input[0].Name)) AddQdq(graph.Input[0].Name);
        var replaced = new HashSet<string>();
        foreach (var node in graph.Node)
        {
            var copy = node.Clone();
            for (int i = 0; i < copy.Input.Count; i++)
                if (dequantized.TryGetValue(copy.Input[i], out string? dq)) copy.Input[i] = dq;
            if (node.OpType is "Conv" or "Gemm")
            {
                float inputScale = activation[node.Input[0]].Scale;
                bool transB = node.OpType == "Conv" || node.Attribute.Any(a => a.Name == "transB" && a.I == 1);
                if (!transB) throw new NotSupportedException($"{node.Name}: Gemm without transB");
                var weight = initializers[node.Input[1]];
                float[] wScales = QuantizeWeight(weight, options.ReduceRange ? 63 : 127, newInits, newNodes, out string wDq);
                copy.Input[1] = wDq;
                replaced.Add(weight.Name);
                if (node.Input.Count > 2)
                {
                    var bias = initializers[node.Input[2]];
                    copy.Input[2] = QuantizeBias(bias, inputScale, wScales, newInits, newNodes);
                    replaced.Add(bias.Name);
                }
            }
            newNodes.Add(copy);
            foreach (string o in node.Output) if (quantized.Contains(o)) AddQdq(o);
        }

        graph.Node.Clear();
        graph.Node.AddRange(newNodes);
        var kept = graph.Initializer.Where(t => !replaced.Contains(t.Name)).ToList();
        graph.Initializer.Clear();
        graph.Initializer.AddRange(kept);
        graph.Initializer.AddRange(newInits);
        model.MetadataProps.Add(new StringStringEntryProto { Key = Calibration.MetadataKey, Value = calibration.ToJson() });
        model.MetadataProps.Add(new StringStringEntryProto
        {
            Key = RecipeKey,
            Value = JsonSerializer.Serialize(new
            {
                format = "QDQ",
                weights = options.ReduceRange ? "int8 per-channel symmetric, 7-bit range" : "int8 per-channel symmetric",
                activations = "uint8 per-tensor asymmetric",
                calibration = "minmax",
                calibrationRows = calibration.Rows,
            }),
        });
        return model;
    }

    /// <summary>True when the model holds QuantizeLinear nodes (an int8 model of this quantizer).</summary>
    public static bool IsQuantized(ModelProto model) => model.Graph.Node.Any(n => n.OpType == "QuantizeLinear");

    /// <summary>uint8 scale and zero point for a calibrated range (extended to include 0).</summary>
    internal static (float Scale, byte[] ZeroPoint) ActivationParams((float Min, float Max) range)
    {
        float min = Math.Min(range.Min, 0f), max = Math.Max(range.Max, 0f);
        float scale = max > min ? (max - min) / 255f : 1f;
        int zp = (int)Math.Clamp(Math.Round(-min / scale), 0, 255);
        return (scale, [(byte)zp]);
    }

    private static float[] QuantizeWeight(TensorProto weight, int qmax, List<TensorProto> inits, List<NodeProto> nodes, out string dq)
    {
        float[] w = FloatsOf(weight);
        long channels = weight.Dims[0];
        long per = w.Length / channels;
        var scales = new float[channels];
        var q = new byte[w.Length];
        for (long c = 0; c < channels; c++)
        {
            float max = 0;
            for (long i = 0; i < per; i++) max = Math.Max(max, Math.Abs(w[c * per + i]));
            scales[c] = max > 0 ? max / qmax : 1f;
            for (long i = 0; i < per; i++)
                q[c * per + i] = (byte)(sbyte)Math.Clamp(Math.Round(w[c * per + i] / scales[c]), -qmax, qmax);
        }
        string name = weight.Name;
        var qt = new TensorProto { Name = name + "_q", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(q) };
        qt.Dims.AddRange(weight.Dims);
        inits.Add(qt);
        inits.Add(FloatVector(name + "_scale", scales));
        var zp = new TensorProto
        {
            Name = name + "_zp", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(new byte[channels]),
        };
        zp.Dims.Add(channels);
        inits.Add(zp);
        dq = name + "_dq";
        nodes.Add(Node("DequantizeLinear", [name + "_q", name + "_scale", name + "_zp"], dq, axis: 0));
        return scales;
    }

    private static string QuantizeBias(TensorProto bias, float inputScale, float[] weightScales, List<TensorProto> inits, List<NodeProto> nodes)
    {
        float[] b = FloatsOf(bias);
        var scales = new float[b.Length];
        var q = new int[b.Length];
        for (int c = 0; c < b.Length; c++)
        {
            scales[c] = inputScale * weightScales[c];
            q[c] = (int)Math.Clamp(Math.Round(b[c] / scales[c]), int.MinValue, int.MaxValue);
        }
        string name = bias.Name;
        var bytes = new byte[q.Length * 4];
        Buffer.BlockCopy(q, 0, bytes, 0, bytes.Length);
        var qt = new TensorProto { Name = name + "_q", DataType = (int)TensorProto.Types.DataType.Int32, RawData = ByteString.CopyFrom(bytes) };
        qt.Dims.Add(b.Length);
        inits.Add(qt);
        inits.Add(FloatVector(name + "_scale", scales));
        var zp = new TensorProto
        {
            Name = name + "_zp", DataType = (int)TensorProto.Types.DataType.Int32, RawData = ByteString.CopyFrom(new byte[bytes.Length]),
        };
        zp.Dims.Add(b.Length);
        inits.Add(zp);
        nodes.Add(Node("DequantizeLinear", [name + "_q", name + "_scale", name + "_zp"], name + "_dq", axis: 0));
        return name + "_dq";
    }

    private static float[] FloatsOf(TensorProto t)
    {
        if (t.DataType != (int)TensorProto.Types.DataType.Float) throw new NotSupportedException($"{t.Name}: not float32");
        if (t.RawData.Length > 0)
        {
            var data = new float[t.RawData.Length / 4];
            Buffer.BlockCopy(t.RawData.ToByteArray(), 0, data, 0, t.RawData.Length);
            return data;
        }
        return t.FloatData.ToArray();
    }

    private static TensorProto FloatScalar(string name, float value)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.FloatData.Add(value);
        return t;
    }

    private static TensorProto FloatVector(string name, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.Add(values.Length);
        t.FloatData.AddRange(values);
        return t;
    }

    private static NodeProto Node(string op, string[] inputs, string output, long? axis = null)
    {
        var n = new NodeProto { OpType = op, Name = output + "_" + op };
        n.Input.AddRange(inputs);
        n.Output.Add(output);
        if (axis is long a) n.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = a });
        return n;
    }
}
