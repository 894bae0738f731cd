using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// AlphaGo Zero's residual block: conv3x3 - norm - ReLU - conv3x3 - norm - add input - ReLU.
/// Shape: (N, C, H, W) -> (N, C, H, W), any board size.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly nn.Module<Tensor, Tensor> norm1;
    private readonly nn.Module<Tensor, Tensor> conv2;
    private readonly nn.Module<Tensor, Tensor> norm2;

    public ResidualBlock(long channels, NormKind norm = NormKind.Batch) : base(nameof(ResidualBlock))
    {
        conv1 = Normalization.Conv3x3(channels, channels, norm);
        norm1 = Normalization.Create(norm, channels);
        conv2 = Normalization.Conv3x3(channels, channels, norm);
        norm2 = Normalization.Create(norm, channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor y = nn.functional.relu(norm1.forward(conv1.forward(x)));
        y = norm2.forward(conv2.forward(y));
        return nn.functional.relu(ScalarSafe.AddInPlace(y, x)).MoveToOuterDisposeScope();
    }
}
