using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// One DenseNet layer (Huang et al. 2017): [norm - ReLU - conv1x1 to 4k (bottleneck, "DenseNet-B")] - norm - ReLU -
/// conv3x3 to k = growth rate. Returns only the k new feature maps; <see cref="DenseBlock"/> concatenates them.
/// Shape: (N, inChannels, H, W) -> (N, growthRate, H, W).
/// The convolution producing the output has no bias with batch norm: the block is meant to be read through
/// later norms, which cancel it (<see cref="Normalization.StreamConvNeedsBias"/>).
/// </summary>
public sealed class DenseLayer : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor>? bottleneckNorm;
    private readonly nn.Module<Tensor, Tensor>? bottleneckConv;
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly nn.Module<Tensor, Tensor> conv;

    public DenseLayer(long inChannels, long growthRate, bool bottleneck, NormKind normKind = NormKind.Batch) : base(nameof(DenseLayer))
    {
        long mid = inChannels;
        if (bottleneck)
        {
            mid = 4 * growthRate;
            bottleneckNorm = Normalization.Create(normKind, inChannels);
            bottleneckConv = Normalization.Conv1x1(inChannels, mid, bias: Normalization.ConvNeedsBias(normKind));
        }
        norm = Normalization.Create(normKind, mid);
        conv = Normalization.StreamConv3x3(mid, growthRate, normKind);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor y = x;
        if (bottleneckConv is not null) y = bottleneckConv.forward(nn.functional.relu(bottleneckNorm!.forward(y)));
        return conv.forward(nn.functional.relu(norm.forward(y))).MoveToOuterDisposeScope();
    }
}
