using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// DenseNet transition layer: norm - ReLU - conv1x1 compressing the channels (DenseNet-C, typically by 0.5).
/// Unlike image DenseNets there is no 2x2 average pooling: a Go trunk keeps one activation per board point
/// for the policy head. Shape: (N, inChannels, H, W) -> (N, outChannels, H, W).
/// The convolution producing the output has no bias with batch norm: the block is meant to be read through
/// later norms, which cancel it (<see cref="Normalization.StreamConvNeedsBias"/>).
/// </summary>
public sealed class TransitionLayer : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly nn.Module<Tensor, Tensor> conv;

    public TransitionLayer(long inChannels, long outChannels, NormKind normKind = NormKind.Batch) : base(nameof(TransitionLayer))
    {
        norm = Normalization.Create(normKind, inChannels);
        conv = Normalization.Conv1x1(inChannels, outChannels, bias: Normalization.StreamConvNeedsBias(normKind));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return conv.forward(nn.functional.relu(norm.forward(x))).MoveToOuterDisposeScope();
    }
}
