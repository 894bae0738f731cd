using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Models;

/// <summary>Builds any Sente network from its <see cref="ModelConfig"/> (checkpoints use this to rebuild models).</summary>
public static class ModelFactory
{
    /// <summary>A freshly initialized network (train mode, float32, CPU) for <paramref name="config"/> (each model
    /// validates its config: <see cref="ModelConfig.Validate"/>).</summary>
    public static nn.Module Create(ModelConfig config) => config.Kind switch
    {
        ModelKind.Zero => new ZeroNet(config),
        ModelKind.AlphaGoPolicy => new AlphaGoPolicyNet(config),
        ModelKind.AlphaGoValue => new AlphaGoValueNet(config),
        ModelKind.AlphaGo => new AlphaGoNet(config),
        _ => throw new ArgumentException($"unknown model kind {config.Kind}"),
    };

    /// <summary>A policy-value network (Zero or the AlphaGo pair) for <paramref name="config"/>.</summary>
    /// <exception cref="ArgumentException">The kind gives only a policy or only a value.</exception>
    public static PolicyValueNet CreatePolicyValue(ModelConfig config) =>
        Create(config) as PolicyValueNet
        ?? throw new ArgumentException($"a {config.Kind} network is not a policy-value network (use Zero or AlphaGo)");
}
