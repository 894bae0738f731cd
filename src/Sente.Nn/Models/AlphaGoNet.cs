using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Models;

/// <summary>
/// AlphaGo's policy and value networks used together as one <see cref="PolicyValueNet"/> (for search): the value
/// network reads all InputPlanes (49: the 48 policy features + the colour plane), the policy network the first
/// InputPlanes - 1. The two share no weights, as in the paper.
/// </summary>
public sealed class AlphaGoNet : PolicyValueNet
{
    private readonly AlphaGoPolicyNet policy;
    private readonly AlphaGoValueNet value;

    public AlphaGoNet(ModelConfig config) : base(nameof(AlphaGoNet), config)
    {
        policy = new AlphaGoPolicyNet(config with { Kind = ModelKind.AlphaGoPolicy, InputPlanes = config.InputPlanes - 1 });
        value = new AlphaGoValueNet(config with { Kind = ModelKind.AlphaGoValue });
        RegisterComponents();
    }

    /// <summary>The policy half (input: the first InputPlanes - 1 planes).</summary>
    public AlphaGoPolicyNet Policy => policy;

    /// <summary>The value half (input: all planes).</summary>
    public AlphaGoValueNet Value => value;

    public override (Tensor Policy, Tensor Value) forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor p = policy.forward(x.narrow(1, 0, Config.InputPlanes - 1));
        Tensor v = value.forward(x);
        return (p.MoveToOuterDisposeScope(), v.MoveToOuterDisposeScope());
    }
}
