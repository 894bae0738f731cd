using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// PyramidNet block (Han et al. 2017, "Deep Pyramidal Residual Networks"): norm - conv3x3 - norm - ReLU - conv3x3 -
/// norm, plus a zero-padded identity shortcut: the input's channels are copied and the extra
/// (outChannels - inChannels) channels of the shortcut are zeros, so no shortcut parameters.
/// A pyramid trunk grows the width by a fixed step per block.
/// Shape: (N, inChannels, H, W) -> (N, outChannels, H, W) with outChannels >= inChannels.
/// </summary>
public sealed class PyramidBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> norm1;
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> norm2;
    private readonly nn.Module<Tensor, Tensor> conv2;
    private readonly nn.Module<Tensor, Tensor> norm3;
    private readonly long extraChannels;

    public PyramidBlock(long inChannels, long outChannels, NormKind norm = NormKind.Batch) : base(nameof(PyramidBlock))
    {
        if (outChannels < inChannels) throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, "a pyramid block never narrows");
        extraChannels = outChannels - inChannels;
        norm1 = Normalization.Create(norm, inChannels);
        conv1 = Normalization.Conv3x3(inChannels, outChannels, norm);
        norm2 = Normalization.Create(norm, outChannels);
        conv2 = Normalization.Conv3x3(outChannels, outChannels, norm);
        norm3 = Normalization.Create(norm, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor y = conv1.forward(norm1.forward(x));
        y = norm3.forward(conv2.forward(nn.functional.relu(norm2.forward(y))));
        // Zero-pad the shortcut on the channel axis: pad spec (W left, W right, H top, H bottom, C front, C back).
        Tensor skip = extraChannels == 0 ? x : nn.functional.pad(x, new long[] { 0, 0, 0, 0, 0, extraChannels });
        return ScalarSafe.AddInPlace(y, skip).MoveToOuterDisposeScope();
    }
}
