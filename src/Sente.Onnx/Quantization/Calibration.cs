using System.Text.Json;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using Sente.Onnx.Export;

namespace Sente.Onnx.Quantization;

/// <summary>
/// Activation ranges of a float32 ONNX model measured on sample inputs (static post-training quantization's
/// calibration): for the graph input and every float tensor a node produces, the minimum and maximum over all
/// calibration rows (min/max calibration: no percentile clipping). Immutable; serializable as JSON (saved in the
/// quantized model's metadata, key <see cref="MetadataKey"/>).
/// </summary>
public sealed class Calibration
{
    /// <summary>The metadata key under which a quantized model keeps its calibration.</summary>
    public const string MetadataKey = "sente.calibration";

    /// <summary>Range (min, max) of each calibrated tensor, by tensor name.</summary>
    public IReadOnlyDictionary<string, (float Min, float Max)> Ranges { get; }

    /// <summary>Input rows (positions) the ranges were measured on.</summary>
    public int Rows { get; }

    public Calibration(IReadOnlyDictionary<string, (float Min, float Max)> ranges, int rows)
    {
        Ranges = ranges;
        Rows = rows;
    }

    /// <summary>Runs <paramref name="model"/> (float32, as <see cref="OnnxExport"/> writes it) on <paramref name="rows"/>
    /// encoded positions (<paramref name="input"/>: rows x C x H x W), <paramref name="batch"/> rows per run, with every
    /// intermediate float tensor exposed as an output and graph optimizations off (so every tensor exists), and records
    /// each tensor's min and max.</summary>
    public static Calibration Measure(ModelProto model, float[] input, int rows, int batch = 64, int intraOpThreads = 1)
    {
        if (rows < 1 || input.Length % rows != 0) throw new ArgumentException($"{input.Length} floats are not {rows} whole rows");
        var probe = model.Clone();
        var floats = FloatActivations(probe.Graph);
        var existing = probe.Graph.Output.Select(o => o.Name).ToHashSet();
        foreach (string t in floats.Where(t => !existing.Contains(t)))
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = t,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        var dims = probe.Graph.Input[0].Type.TensorType.Shape.Dim.Select(d => d.DimValue).ToArray();
        int rowSize = input.Length / rows;

        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, intraOpThreads),
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        using var session = new InferenceSession(probe.ToByteArray(), options);
        string inputName = probe.Graph.Input[0].Name;
        var names = new List<string> { inputName };
        names.AddRange(floats);
        var outputs = floats.ToArray();
        var ranges = names.ToDictionary(n => n, _ => (Min: float.PositiveInfinity, Max: float.NegativeInfinity));
        using var runOptions = new RunOptions();
        for (int start = 0; start < rows; start += batch)
        {
            int count = Math.Min(batch, rows - start);
            var chunk = input.AsSpan(start * rowSize, count * rowSize).ToArray();
            Update(ranges, inputName, chunk);
            long[] shape = [count, dims[1], dims[2], dims[3]];
            using var x = OrtValue.CreateTensorValueFromMemory(chunk, shape);
            using var results = session.Run(runOptions, [inputName], [x], outputs);
            for (int i = 0; i < outputs.Length; i++) Update(ranges, outputs[i], results[i].GetTensorDataAsSpan<float>());
        }
        return new Calibration(ranges, rows);
    }

    /// <summary>Names of the float tensors the nodes of <paramref name="graph"/> produce, in node order. Shape
    /// arithmetic (Shape and what reads only int64 tensors) is int64 and left out.</summary>
    internal static List<string> FloatActivations(GraphProto graph)
    {
        var ints = graph.Initializer.Where(t => t.DataType == (int)TensorProto.Types.DataType.Int64).Select(t => t.Name).ToHashSet();
        var result = new List<string>();
        foreach (var node in graph.Node)
        {
            bool intOut = node.OpType == "Shape" ||
                          (node.OpType != "ConstantOfShape" && node.Input.Count > 0 && ints.Contains(node.Input[0]));
            foreach (string o in node.Output)
                if (intOut) ints.Add(o);
                else result.Add(o);
        }
        return result;
    }

    private static void Update(Dictionary<string, (float Min, float Max)> ranges, string name, ReadOnlySpan<float> data)
    {
        var (min, max) = ranges[name];
        foreach (float v in data)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        ranges[name] = (min, max);
    }

    /// <summary>JSON: {"rows": n, "method": "minmax", "ranges": {"tensor": [min, max], ...}}.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        rows = Rows,
        method = "minmax",
        ranges = Ranges.ToDictionary(kv => kv.Key, kv => new[] { kv.Value.Min, kv.Value.Max }),
    });

    /// <summary>Reads <see cref="ToJson"/>'s output.</summary>
    public static Calibration FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var ranges = new Dictionary<string, (float, float)>();
        foreach (var p in doc.RootElement.GetProperty("ranges").EnumerateObject())
            ranges[p.Name] = (p.Value[0].GetSingle(), p.Value[1].GetSingle());
        return new Calibration(ranges, doc.RootElement.GetProperty("rows").GetInt32());
    }
}
