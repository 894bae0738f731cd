using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// A convolutional trunk built from a <see cref="TrunkConfig"/>: a 3x3 stem convolution from the input planes, the
/// blocks, and (for the pre-activation families: preact, wide, pyramid, dense) a final norm + ReLU.
/// ResNet's stem is conv - norm - ReLU as in AlphaGo Zero. Board size is free: every layer is convolutional.
/// Shape: (N, inputPlanes, H, W) -> (N, <see cref="OutChannels"/>, H, W).
/// </summary>
public sealed class Trunk : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly nn.Module<Tensor, Tensor> stem_norm;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> blocks;
    private readonly nn.Module<Tensor, Tensor> final_norm;
    private readonly bool stemActivation;
    private readonly bool finalActivation;

    /// <summary>The configuration this trunk was built from.</summary>
    public TrunkConfig Config { get; }

    /// <summary>Channels of the trunk's output.</summary>
    public long OutChannels { get; }

    public Trunk(long inputPlanes, TrunkConfig config) : base(nameof(Trunk))
    {
        Config = config.Validate();
        NormKind norm = config.Norm;
        bool resnet = config.Kind == TrunkKind.ResNet;
        stem = resnet
            ? Normalization.Conv3x3(inputPlanes, config.Width, norm)
            : Normalization.StreamConv3x3(inputPlanes, config.Width, norm);
        stem_norm = resnet ? Normalization.Create(norm, config.Width) : nn.Identity();
        stemActivation = resnet;
        blocks = new ModuleList<nn.Module<Tensor, Tensor>>();
        long channels = config.Width;
        switch (config.Kind)
        {
            case TrunkKind.ResNet:
                for (int i = 0; i < config.Blocks; i++) blocks.Add(new ResidualBlock(channels, norm));
                break;
            case TrunkKind.PreAct:
                for (int i = 0; i < config.Blocks; i++) blocks.Add(new PreActivationBlock(channels, norm));
                break;
            case TrunkKind.Wide:
                long wide = (long)config.Width * config.WidthMultiplier;
                for (int i = 0; i < config.Blocks; i++)
                {
                    blocks.Add(new WideBlock(channels, wide, norm, config.Dropout));
                    channels = wide;
                }
                break;
            case TrunkKind.Pyramid:
                for (int i = 0; i < config.Blocks; i++)
                {
                    long next = config.Width + (long)config.PyramidAlpha * (i + 1) / config.Blocks;
                    blocks.Add(new PyramidBlock(channels, next, norm));
                    channels = next;
                }
                break;
            case TrunkKind.Dense:
                for (int b = 0; b < config.DenseBlocks; b++)
                {
                    // Spread the layers over the dense blocks as evenly as possible (earlier blocks get the extras).
                    int layers = config.Blocks / config.DenseBlocks + (b < config.Blocks % config.DenseBlocks ? 1 : 0);
                    var dense = new DenseBlock(channels, layers, config.GrowthRate, config.Bottleneck, norm);
                    blocks.Add(dense);
                    channels = dense.OutChannels;
                    if (b < config.DenseBlocks - 1)
                    {
                        long compressed = Math.Max(1, (long)Math.Floor(channels * config.Compression));
                        blocks.Add(new TransitionLayer(channels, compressed, norm));
                        channels = compressed;
                    }
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(config), config.Kind, "unknown trunk kind");
        }
        finalActivation = !resnet;
        final_norm = finalActivation ? Normalization.Create(norm, channels) : nn.Identity();
        OutChannels = channels;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = stem_norm.forward(stem.forward(x));
        if (stemActivation) h = nn.functional.relu(h);
        foreach (var block in blocks) h = block.forward(h);
        if (finalActivation) h = nn.functional.relu(final_norm.forward(h));
        return h.MoveToOuterDisposeScope();
    }
}
