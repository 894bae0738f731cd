using Google.Protobuf;
using Onnx;

namespace Sente.Onnx.Export;

/// <summary>
/// A small builder of an ONNX <see cref="GraphProto"/>: float32 initializers (raw little-endian data), nodes with
/// generated unique output names, and the attribute helpers the exporter needs. Not thread-safe (one per export).
/// </summary>
internal sealed class OnnxGraph
{
    private int next;

    /// <summary>The graph being built.</summary>
    public GraphProto Graph { get; } = new() { Name = "sente" };

    /// <summary>A unique tensor name starting with <paramref name="hint"/>.</summary>
    public string Fresh(string hint) => $"{hint}_{next++}";

    /// <summary>Adds a float32 initializer with the given dims; returns its name.</summary>
    public string Floats(string name, float[] data, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (count != data.Length)
            throw new ArgumentException($"initializer {name}: {data.Length} values for dims [{string.Join(",", dims)}]");
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        var bytes = new byte[data.Length * sizeof(float)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw data is little-endian");
        t.RawData = ByteString.CopyFrom(bytes);
        Graph.Initializer.Add(t);
        return name;
    }

    /// <summary>Adds an int64 initializer (shapes, axes, pads); returns its name.</summary>
    public string Int64s(string name, params long[] data)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(data.Length);
        t.Int64Data.AddRange(data);
        Graph.Initializer.Add(t);
        return name;
    }

    /// <summary>Adds a node with one output (named from <paramref name="hint"/>); returns the output's name.</summary>
    public string Node(string op, string hint, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        string output = Fresh(hint);
        var node = new NodeProto { OpType = op, Name = output + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>Renames the output of the node producing <paramref name="tensor"/> (for graph outputs).</summary>
    public void RenameOutput(string tensor, string newName)
    {
        foreach (var node in Graph.Node)
        {
            for (int i = 0; i < node.Output.Count; i++) if (node.Output[i] == tensor) node.Output[i] = newName;
            for (int i = 0; i < node.Input.Count; i++) if (node.Input[i] == tensor) node.Input[i] = newName;
        }
    }

    /// <summary>A float32 tensor value info with the given dims; a null dim is the dynamic batch "N".</summary>
    public static ValueInfoProto FloatInfo(string name, params long?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long? d in dims)
            shape.Dim.Add(d is long v ? new TensorShapeProto.Types.Dimension { DimValue = v }
                                      : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape },
            },
        };
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Tensor(string name, TensorProto value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = value };
}
