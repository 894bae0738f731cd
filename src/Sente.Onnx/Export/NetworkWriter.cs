using Google.Protobuf;
using Onnx;
using Sente.Nn.Blocks;
using static Sente.Onnx.Export.OnnxGraph;

namespace Sente.Onnx.Export;

/// <summary>
/// Writes the layers of Sente's networks as ONNX nodes, reading weights by their state-dict names. All activations
/// are N x C x H x W float32. Normalizations in eval mode:
/// <list type="bullet">
/// <item>BatchNorm directly after a convolution (nothing in between) is folded into it: W' = W x s, b' = (b - mean) x s
/// + beta per output channel, s = gamma / sqrt(var + eps).</item>
/// <item>Any other BatchNorm (pre-activation: it reads a sum or a concatenation) becomes a per-channel Mul and Add
/// (the same s and beta - mean x s). It is not folded forward into the next convolution: that convolution zero-pads
/// its input, and the padded border would then see the BatchNorm's shift instead of zeros.</item>
/// <item>LayerNorm (GroupNorm with one group) is written out as ReduceMean / Sub / Mul / Sqrt / Div and a per-channel
/// affine; eps 1e-5 as torch.</item>
/// </list>
/// Not thread-safe (one per export).
/// </summary>
internal sealed class NetworkWriter(OnnxGraph g, ModelWeights w)
{
    /// <summary>torch's default epsilon of BatchNorm2d and GroupNorm.</summary>
    private const float Eps = 1e-5f;

    public OnnxGraph Graph => g;

    /// <summary>A Conv2d (stride 1, "same" zero padding k / 2) from <c>prefix.weight</c> (+ <c>prefix.bias</c> when
    /// present), with a BatchNorm at <paramref name="foldBatchNorm"/> folded in when given.</summary>
    public string Conv(string x, string prefix, string? foldBatchNorm = null)
    {
        float[] weight = w.Data(prefix + ".weight");
        long[] shape = w.Shape(prefix + ".weight");
        long outC = shape[0], k = shape[2];
        if (shape.Length != 4 || shape[2] != shape[3]) throw new InvalidOperationException($"{prefix}: expected a square 2-D kernel");
        float[] bias = w.Has(prefix + ".bias") ? w.Data(prefix + ".bias") : new float[outC];
        if (foldBatchNorm is not null)
        {
            var (scale, shift) = BatchNormAffine(foldBatchNorm, outC);
            long per = weight.Length / outC;
            for (long o = 0; o < outC; o++)
            {
                for (long i = 0; i < per; i++) weight[o * per + i] *= scale[o];
                bias[o] = bias[o] * scale[o] + shift[o];
            }
        }
        string wName = g.Floats(prefix + ".weight", weight, shape);
        string bName = g.Floats(prefix + ".bias", bias, outC);
        long pad = k / 2;
        return g.Node("Conv", prefix, [x, wName, bName], Ints("kernel_shape", k, k), Ints("pads", pad, pad, pad, pad),
            Ints("strides", 1, 1), Ints("dilations", 1, 1), Int("group", 1));
    }

    /// <summary>A convolution followed by a normalization of <paramref name="kind"/> (folded when BatchNorm).</summary>
    public string ConvNorm(string x, string conv, string norm, NormKind kind) => kind switch
    {
        NormKind.Batch => Conv(x, conv, norm),
        NormKind.Layer => Norm(Conv(x, conv), norm, kind),
        _ => Conv(x, conv),
    };

    /// <summary>A normalization that cannot be folded (see the class comment); identity for <see cref="NormKind.None"/>.</summary>
    public string Norm(string x, string prefix, NormKind kind)
    {
        switch (kind)
        {
            case NormKind.None:
                return x;
            case NormKind.Batch:
            {
                long c = w.Shape(prefix + ".weight")[0];
                var (scale, shift) = BatchNormAffine(prefix, c);
                return ChannelAffine(x, prefix, scale, shift);
            }
            case NormKind.Layer:
            {
                float[] gamma = w.Data(prefix + ".weight"), beta = w.Data(prefix + ".bias");
                string mean = g.Node("ReduceMean", prefix + ".mean", [x], Ints("axes", 1, 2, 3), Int("keepdims", 1));
                string d = g.Node("Sub", prefix + ".centered", [x, mean]);
                string sq = g.Node("Mul", prefix + ".sq", [d, d]);
                string var = g.Node("ReduceMean", prefix + ".var", [sq], Ints("axes", 1, 2, 3), Int("keepdims", 1));
                string eps = g.Floats(g.Fresh(prefix + ".eps"), [Eps], 1);
                string std = g.Node("Sqrt", prefix + ".std", [g.Node("Add", prefix + ".vareps", [var, eps])]);
                return ChannelAffine(g.Node("Div", prefix + ".normed", [d, std]), prefix, gamma, beta);
            }
            default:
                throw new NotSupportedException($"ONNX export: normalization {kind} at {prefix}");
        }
    }

    public string Relu(string x) => g.Node("Relu", "relu", [x]);

    public string Add(string a, string b) => g.Node("Add", "add", [a, b]);

    public string Concat(IEnumerable<string> xs) => g.Node("Concat", "concat", xs, Int("axis", 1));

    /// <summary>Appends <paramref name="extra"/> zero channels (PyramidNet's shortcut).</summary>
    public string PadChannels(string x, long extra)
    {
        string pads = g.Int64s(g.Fresh("pads"), 0, 0, 0, 0, 0, extra, 0, 0);
        return g.Node("Pad", "padc", [x, pads], new AttributeProto
        {
            Name = "mode", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("constant"),
        });
    }

    /// <summary>(N, ...) -> (N, rest) as torch's flatten(1).</summary>
    public string Flatten(string x) => g.Node("Flatten", "flat", [x], Int("axis", 1));

    /// <summary>A Linear layer y = x W^T + b as Gemm(transB = 1).</summary>
    public string Linear(string x, string prefix)
    {
        long[] shape = w.Shape(prefix + ".weight");
        string wName = g.Floats(prefix + ".weight", w.Data(prefix + ".weight"), shape);
        var inputs = new List<string> { x, wName };
        if (w.Has(prefix + ".bias")) inputs.Add(g.Floats(prefix + ".bias", w.Data(prefix + ".bias"), shape[0]));
        return g.Node("Gemm", prefix, inputs, Int("transB", 1));
    }

    public string Tanh(string x) => g.Node("Tanh", "tanh", [x]);

    /// <summary>(N, 1) -> (N).</summary>
    public string SqueezeLast(string x) => g.Node("Squeeze", "squeeze", [x, g.Int64s(g.Fresh("axes"), 1)]);

    /// <summary>The first <paramref name="channels"/> channels (torch's narrow(1, 0, channels)).</summary>
    public string FirstChannels(string x, long channels) => g.Node("Slice", "narrow",
        [x, g.Int64s(g.Fresh("starts"), 0), g.Int64s(g.Fresh("ends"), channels), g.Int64s(g.Fresh("axes"), 1)]);

    /// <summary>Mean over H and W: (N, C, H, W) -> (N, C).</summary>
    public string GlobalMean(string x) => g.Node("ReduceMean", "gmean", [x], Ints("axes", 2, 3), Int("keepdims", 0));

    /// <summary>Adds a learned per-element bias (a state-dict vector) to (N, K).</summary>
    public string AddVector(string x, string name)
    {
        float[] b = w.Data(name);
        return g.Node("Add", name, [x, g.Floats(name, b, b.Length)]);
    }

    /// <summary>A (N, 1) tensor filled with <paramref name="value"/>, N taken from <paramref name="like"/>'s first dim.</summary>
    public string ConstantColumn(string like, float value)
    {
        string shape = g.Node("Shape", "shape", [like]);
        string n = g.Node("Slice", "batch", [shape, g.Int64s(g.Fresh("s0"), 0), g.Int64s(g.Fresh("s1"), 1)]);
        string dims = g.Node("Concat", "dims", [n, g.Int64s(g.Fresh("one"), 1)], Int("axis", 0));
        var fill = new TensorProto { Name = "value", DataType = (int)TensorProto.Types.DataType.Float };
        fill.Dims.Add(1);
        fill.FloatData.Add(value);
        return g.Node("ConstantOfShape", "const", [dims], Tensor("value", fill));
    }

    private string ChannelAffine(string x, string prefix, float[] scale, float[] shift)
    {
        long c = scale.Length;
        string s = g.Floats(g.Fresh(prefix + ".scale"), scale, c, 1, 1);
        string t = g.Floats(g.Fresh(prefix + ".shift"), shift, c, 1, 1);
        return g.Node("Add", prefix + ".affine", [g.Node("Mul", prefix + ".scaled", [x, s]), t]);
    }

    /// <summary>Eval-mode BatchNorm as y = x s + t per channel.</summary>
    private (float[] Scale, float[] Shift) BatchNormAffine(string prefix, long channels)
    {
        float[] gamma = w.Data(prefix + ".weight"), beta = w.Data(prefix + ".bias");
        float[] mean = w.Data(prefix + ".running_mean"), var = w.Data(prefix + ".running_var");
        if (gamma.Length != channels) throw new InvalidOperationException($"{prefix}: {gamma.Length} channels, expected {channels}");
        var scale = new float[channels];
        var shift = new float[channels];
        for (int c = 0; c < channels; c++)
        {
            scale[c] = (float)(gamma[c] / Math.Sqrt(var[c] + (double)Eps));
            shift[c] = (float)(beta[c] - mean[c] * (double)scale[c]);
        }
        return (scale, shift);
    }
}
