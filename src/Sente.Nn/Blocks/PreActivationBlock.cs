using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// Pre-activation residual block (He et al. 2016, "Identity Mappings"): norm - ReLU - conv3x3 - norm - ReLU -
/// conv3x3 - add input. No activation after the add: a trunk of these ends with its own norm + ReLU.
/// Shape: (N, C, H, W) -> (N, C, H, W).
/// The convolution producing the output has no bias with batch norm: the block is meant to be read through
/// later norms, which cancel it (<see cref="Normalization.StreamConvNeedsBias"/>).
/// </summary>
public sealed class PreActivationBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> norm1;
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> norm2;
    private readonly nn.Module<Tensor, Tensor> conv2;

    public PreActivationBlock(long channels, NormKind norm = NormKind.Batch) : base(nameof(PreActivationBlock))
    {
        norm1 = Normalization.Create(norm, channels);
        conv1 = Normalization.Conv3x3(channels, channels, norm);
        norm2 = Normalization.Create(norm, channels);
        conv2 = Normalization.StreamConv3x3(channels, channels, norm); // feeds the add; read only through later norms
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor y = conv1.forward(nn.functional.relu(norm1.forward(x)));
        y = conv2.forward(nn.functional.relu(norm2.forward(y)));
        return ScalarSafe.AddInPlace(y, x).MoveToOuterDisposeScope();
    }
}
