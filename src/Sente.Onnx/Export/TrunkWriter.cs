using Sente.Nn.Blocks;

namespace Sente.Onnx.Export;

/// <summary>
/// Writes a <see cref="Trunk"/> of any <see cref="TrunkKind"/> as ONNX nodes, mirroring its forward pass (the block
/// layout is rebuilt from the <see cref="TrunkConfig"/> exactly as <see cref="Trunk"/>'s constructor does). Dropout
/// (wide blocks) is the identity at inference.
/// </summary>
internal static class TrunkWriter
{
    /// <summary>(N, inputPlanes, H, W) -> (N, OutChannels, H, W); <paramref name="p"/> is the trunk's state-dict prefix
    /// ending in a dot ("trunk.").</summary>
    public static string Write(NetworkWriter n, string x, string p, long inputPlanes, TrunkConfig config)
    {
        NormKind norm = config.Norm;
        string h;
        if (config.Kind == TrunkKind.ResNet) h = n.Relu(n.ConvNorm(x, p + "stem", p + "stem_norm", norm));
        else h = n.Conv(x, p + "stem");
        long channels = config.Width;
        int index = 0;
        string Block() => $"{p}blocks.{index++}.";
        switch (config.Kind)
        {
            case TrunkKind.ResNet:
                for (int i = 0; i < config.Blocks; i++) h = Residual(n, h, Block(), norm);
                break;
            case TrunkKind.PreAct:
                for (int i = 0; i < config.Blocks; i++) h = PreActivation(n, h, Block(), norm);
                break;
            case TrunkKind.Wide:
                long wide = (long)config.Width * config.WidthMultiplier;
                for (int i = 0; i < config.Blocks; i++)
                {
                    h = Wide(n, h, Block(), norm, channels != wide);
                    channels = wide;
                }
                break;
            case TrunkKind.Pyramid:
                for (int i = 0; i < config.Blocks; i++)
                {
                    long next = config.Width + (long)config.PyramidAlpha * (i + 1) / config.Blocks;
                    h = Pyramid(n, h, Block(), norm, next - channels);
                    channels = next;
                }
                break;
            case TrunkKind.Dense:
                for (int b = 0; b < config.DenseBlocks; b++)
                {
                    int layers = config.Blocks / config.DenseBlocks + (b < config.Blocks % config.DenseBlocks ? 1 : 0);
                    h = Dense(n, h, Block(), norm, layers, config.Bottleneck);
                    if (b < config.DenseBlocks - 1)
                    {
                        string t = Block();
                        h = n.Conv(n.Relu(n.Norm(h, t + "norm", norm)), t + "conv");
                    }
                }
                break;
            default:
                throw new NotSupportedException($"ONNX export: trunk kind {config.Kind} is not supported");
        }
        if (config.Kind != TrunkKind.ResNet) h = n.Relu(n.Norm(h, p + "final_norm", norm));
        return h;
    }

    /// <summary>conv - norm - ReLU - conv - norm - add input - ReLU.</summary>
    private static string Residual(NetworkWriter n, string x, string b, NormKind norm)
    {
        string y = n.Relu(n.ConvNorm(x, b + "conv1", b + "norm1", norm));
        y = n.ConvNorm(y, b + "conv2", b + "norm2", norm);
        return n.Relu(n.Add(y, x));
    }

    /// <summary>norm - ReLU - conv (norm2 folded) - ReLU - conv - add input.</summary>
    private static string PreActivation(NetworkWriter n, string x, string b, NormKind norm)
    {
        string y = n.ConvNorm(n.Relu(n.Norm(x, b + "norm1", norm)), b + "conv1", b + "norm2", norm);
        y = n.Conv(n.Relu(y), b + "conv2");
        return n.Add(y, x);
    }

    /// <summary>norm - ReLU (= a) - conv (norm2 folded) - ReLU - conv, plus x or a 1x1 projection of a.</summary>
    private static string Wide(NetworkWriter n, string x, string b, NormKind norm, bool projection)
    {
        string a = n.Relu(n.Norm(x, b + "norm1", norm));
        string y = n.ConvNorm(a, b + "conv1", b + "norm2", norm);
        y = n.Conv(n.Relu(y), b + "conv2");
        return n.Add(y, projection ? n.Conv(a, b + "shortcut") : x);
    }

    /// <summary>norm - conv (norm2 folded) - ReLU - conv (norm3 folded), plus the zero-padded input.</summary>
    private static string Pyramid(NetworkWriter n, string x, string b, NormKind norm, long extra)
    {
        string y = n.ConvNorm(n.Norm(x, b + "norm1", norm), b + "conv1", b + "norm2", norm);
        y = n.ConvNorm(n.Relu(y), b + "conv2", b + "norm3", norm);
        return n.Add(y, extra == 0 ? x : n.PadChannels(x, extra));
    }

    /// <summary>Dense layers, each reading the concatenation of the block input and all earlier outputs.</summary>
    private static string Dense(NetworkWriter n, string x, string b, NormKind norm, int layers, bool bottleneck)
    {
        var features = new List<string> { x };
        for (int i = 0; i < layers; i++)
        {
            string l = $"{b}layers.{i}.";
            string y = features.Count == 1 ? x : n.Concat(features);
            if (bottleneck) y = n.ConvNorm(n.Relu(n.Norm(y, l + "bottleneckNorm", norm)), l + "bottleneckConv", l + "norm", norm);
            else y = n.Norm(y, l + "norm", norm);
            features.Add(n.Conv(n.Relu(y), l + "conv"));
        }
        return n.Concat(features);
    }
}
