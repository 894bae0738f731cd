using TorchSharp;
using TorchSharp.Modules;
using Sente.Nn.Blocks;
using static TorchSharp.torch;

namespace Sente.Nn.Models;

/// <summary>
/// AlphaGo's value network (Silver et al. 2016): the policy network's convolution stack (5x5, then 3x3 layers, k
/// filters, ReLU; Layers - 1 of them, the last being the "extra" layer 12), a 1x1 conv with one filter (linear: a
/// ReLU on a single feature map can die for every point and cut all gradients), a fully connected layer of
/// ValueHidden (256) ReLU units and one tanh output.
/// When <see cref="ModelConfig.Trunk"/> is set, a <see cref="Trunk"/> of residual (or other) blocks with
/// normalization takes the stack's place, and the head's 1x1 conv is normalized (as AlphaGo Zero's value head): a
/// residual tower's output grows with its depth, and unnormalized it saturates the tanh from the first step.
/// Input (B, InputPlanes (49), N, N); output (B) values in [-1, 1] for the player to move.
/// </summary>
public sealed class AlphaGoValueNet : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> convs;
    private readonly Trunk? trunk;
    private readonly nn.Module<Tensor, Tensor>? output_norm;
    private readonly nn.Module<Tensor, Tensor> output;
    private readonly nn.Module<Tensor, Tensor> fc1;
    private readonly nn.Module<Tensor, Tensor> fc2;

    public ModelConfig Config { get; }

    public AlphaGoValueNet(ModelConfig config) : base(nameof(AlphaGoValueNet))
    {
        Config = config.Validate();
        int points = config.BoardSize * config.BoardSize;
        if (config.Trunk is null)
        {
            convs = AlphaGoLayers.Hidden(config.InputPlanes, config.Filters, config.Layers - 1);
            output = nn.Conv2d(config.Filters, 1, 1);
        }
        else
        {
            convs = new ModuleList<nn.Module<Tensor, Tensor>>();
            trunk = new Trunk(config.InputPlanes, config.Trunk);
            // No bias before a normalization: it subtracts the mean, so the bias would get no gradient at all.
            output = Normalization.Conv1x1(trunk.OutChannels, 1, bias: Normalization.ConvNeedsBias(config.Trunk.Norm));
            output_norm = Normalization.Create(config.Trunk.Norm, 1);
        }
        fc1 = nn.Linear(points, config.ValueHidden);
        fc2 = nn.Linear(config.ValueHidden, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor body = trunk is null ? AlphaGoLayers.Run(convs, x) : trunk.forward(x);
        Tensor h = output.forward(body);
        if (output_norm is not null) h = output_norm.forward(h);
        h = h.flatten(1);
        Tensor v = tanh(fc2.forward(nn.functional.relu(fc1.forward(h)))).squeeze(1);
        return v.MoveToOuterDisposeScope();
    }
}
