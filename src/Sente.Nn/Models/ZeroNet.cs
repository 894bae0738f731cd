using Sente.Nn.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Models;

/// <summary>
/// AlphaGo Zero's policy-value network (Silver et al. 2017) on any <see cref="Trunk"/> and board size.
/// Policy head: 1x1 conv to 2 filters - norm - ReLU - fully connected to N*N + 1 logits (pass last), or to
/// <see cref="ModelConfig.Actions"/> logits on an H x W input for other games.
/// Value head: 1x1 conv to 1 filter - norm - ReLU - fully connected ValueHidden (256) - ReLU - fully connected 1 - tanh.
/// Heads use the trunk's normalization kind.
/// </summary>
public sealed class ZeroNet : PolicyValueNet
{
    private readonly Trunk trunk;
    private readonly nn.Module<Tensor, Tensor> policy_conv;
    private readonly nn.Module<Tensor, Tensor> policy_norm;
    private readonly nn.Module<Tensor, Tensor> policy_fc;
    private readonly nn.Module<Tensor, Tensor> value_conv;
    private readonly nn.Module<Tensor, Tensor> value_norm;
    private readonly nn.Module<Tensor, Tensor> value_fc1;
    private readonly nn.Module<Tensor, Tensor> value_fc2;

    public ZeroNet(ModelConfig config) : base(nameof(ZeroNet), config)
    {
        TrunkConfig t = config.TrunkOrDefault;
        int points = config.H * config.W;
        trunk = new Trunk(config.InputPlanes, t);
        bool bias = Normalization.ConvNeedsBias(t.Norm);
        policy_conv = Normalization.Conv1x1(trunk.OutChannels, 2, bias);
        policy_norm = Normalization.Create(t.Norm, 2);
        policy_fc = nn.Linear(2 * points, config.NumActions);
        value_conv = Normalization.Conv1x1(trunk.OutChannels, 1, bias);
        value_norm = Normalization.Create(t.Norm, 1);
        value_fc1 = nn.Linear(points, config.ValueHidden);
        value_fc2 = nn.Linear(config.ValueHidden, 1);
        RegisterComponents();
    }

    public override (Tensor Policy, Tensor Value) forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = trunk.forward(x);
        Tensor p = policy_fc.forward(nn.functional.relu(policy_norm.forward(policy_conv.forward(h))).flatten(1));
        Tensor v = nn.functional.relu(value_norm.forward(value_conv.forward(h))).flatten(1);
        v = tanh(value_fc2.forward(nn.functional.relu(value_fc1.forward(v)))).squeeze(1);
        return (p.MoveToOuterDisposeScope(), v.MoveToOuterDisposeScope());
    }
}
