using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// A DenseNet dense block: <c>layers</c> <see cref="DenseLayer"/>s, each reading the concatenation of the block input
/// and every earlier layer's output. Shape: (N, C, H, W) -> (N, C + layers x growthRate, H, W).
/// </summary>
public sealed class DenseBlock : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> layers;

    /// <summary>Channels of the output: input channels + layers x growth rate.</summary>
    public long OutChannels { get; }

    public DenseBlock(long inChannels, int layerCount, long growthRate, bool bottleneck, NormKind norm = NormKind.Batch)
        : base(nameof(DenseBlock))
    {
        if (layerCount < 1) throw new ArgumentOutOfRangeException(nameof(layerCount), layerCount, "at least one layer");
        layers = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i < layerCount; i++) layers.Add(new DenseLayer(inChannels + i * growthRate, growthRate, bottleneck, norm));
        OutChannels = inChannels + layerCount * growthRate;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = new List<Tensor> { x };
        foreach (var layer in layers) features.Add(layer.forward(cat(features, 1)));
        return cat(features, 1).MoveToOuterDisposeScope();
    }
}
