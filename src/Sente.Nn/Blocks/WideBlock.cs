using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// Wide ResNet block (Zagoruyko and Komodakis 2016): pre-activation norm - ReLU - conv3x3 - dropout - norm - ReLU -
/// conv3x3, plus a shortcut (identity, or a 1x1 projection when the channel count changes). The width multiplier
/// k of a wide trunk sets the channels (base width x k); this block takes the resulting counts.
/// Shape: (N, inChannels, H, W) -> (N, outChannels, H, W). Dropout is active only in train mode.
/// The convolution producing the output has no bias with batch norm: the block is meant to be read through
/// later norms, which cancel it (<see cref="Normalization.StreamConvNeedsBias"/>).
/// </summary>
public sealed class WideBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> norm1;
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly nn.Module<Tensor, Tensor> norm2;
    private readonly nn.Module<Tensor, Tensor> conv2;
    private readonly nn.Module<Tensor, Tensor>? shortcut;

    public WideBlock(long inChannels, long outChannels, NormKind norm = NormKind.Batch, double dropoutRate = 0.0)
        : base(nameof(WideBlock))
    {
        if (dropoutRate is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropoutRate), dropoutRate, "must be in [0, 1)");
        norm1 = Normalization.Create(norm, inChannels);
        conv1 = Normalization.Conv3x3(inChannels, outChannels, norm);
        dropout = dropoutRate > 0 ? nn.Dropout(dropoutRate) : nn.Identity();
        norm2 = Normalization.Create(norm, outChannels);
        conv2 = Normalization.StreamConv3x3(outChannels, outChannels, norm);
        shortcut = inChannels == outChannels ? null : Normalization.Conv1x1(inChannels, outChannels, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor a = nn.functional.relu(norm1.forward(x));
        Tensor y = dropout.forward(conv1.forward(a));
        y = conv2.forward(nn.functional.relu(norm2.forward(y)));
        // As in the WRN reference code, a projection shortcut reads the pre-activated input.
        Tensor skip = shortcut is null ? x : shortcut.forward(a);
        return ScalarSafe.AddInPlace(y, skip).MoveToOuterDisposeScope();
    }
}
