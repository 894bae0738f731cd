using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Models;

/// <summary>
/// A network that gives both a policy and a value, the shape every evaluator and trainer of Sente uses.
/// Input (B, Config.InputPlanes, N, N) float. Output: policy logits (B, N*N + 1), pass last (unnormalized: apply
/// softmax, masked to legal moves, for probabilities); value (B) in [-1, 1] from the point of view of the player to
/// move in each input. Thread-safety: after <c>eval()</c>, concurrent forwards under no_grad are safe; training is not.
/// </summary>
public abstract class PolicyValueNet : nn.Module<Tensor, (Tensor Policy, Tensor Value)>
{
    protected PolicyValueNet(string name, ModelConfig config) : base(name) => Config = config.Validate();

    /// <summary>The configuration this network was built from.</summary>
    public ModelConfig Config { get; }
}
