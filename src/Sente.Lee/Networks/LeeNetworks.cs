using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Lee.Rollout;
using static TorchSharp.torch;

namespace Sente.Lee.Networks;

/// <summary>Loads the AlphaGo Lee pipeline's trained parts as APV-MCTS sources. Every method throws
/// <see cref="CheckpointException"/> with the path and the problem for a missing, corrupt or wrong-kind file.</summary>
public static class LeeNetworks
{
    /// <summary>The policy network of an AlphaGoPolicy checkpoint (`sente lee sl`, RL policy) or of an AlphaGo pair, as
    /// priors at softmax temperature <paramref name="beta"/>.</summary>
    public static PolicyPriorEvaluator LoadPolicy(string path, double beta = 0.67, string device = "cpu", ulong seed = 1)
    {
        nn.Module module = Load(path, "policy");
        AlphaGoPolicyNet net = module switch
        {
            AlphaGoPolicyNet p => p,
            AlphaGoNet pair => pair.Policy,
            _ => throw new CheckpointException($"{path}: a {KindOf(module)} checkpoint is not an AlphaGo policy network (expected AlphaGoPolicy or AlphaGo)"),
        };
        try { return new PolicyPriorEvaluator(net, beta, device, seed); }
        catch (ArgumentException e) { throw new CheckpointException($"{path}: {e.Message}", e); }
    }

    /// <summary>The value network of an AlphaGoValue checkpoint or of an AlphaGo pair.</summary>
    public static ValueNetEvaluator LoadValue(string path, string device = "cpu", ulong seed = 1)
    {
        nn.Module module = Load(path, "value");
        AlphaGoValueNet net = module switch
        {
            AlphaGoValueNet v => v,
            AlphaGoNet pair => pair.Value,
            _ => throw new CheckpointException($"{path}: a {KindOf(module)} checkpoint is not an AlphaGo value network (expected AlphaGoValue or AlphaGo)"),
        };
        try { return new ValueNetEvaluator(net, device, seed); }
        catch (ArgumentException e) { throw new CheckpointException($"{path}: {e.Message}", e); }
    }

    /// <summary>Rollout weights written by `sente lee rollout`.</summary>
    public static LinearRolloutPolicy LoadRollout(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException($"rollout weights '{path}' not found");
        return new LinearRolloutPolicy(RolloutWeightsFile.Load(path));
    }

    private static nn.Module Load(string path, string role)
    {
        if (!File.Exists(path)) throw new CheckpointException($"{role} network '{path}' not found");
        TorchRuntime.InitializeProcess();
        return Checkpoint.Load(path).Model;
    }

    private static string KindOf(nn.Module m) => m switch
    {
        ZeroNet => "Zero",
        AlphaGoPolicyNet => "AlphaGoPolicy",
        AlphaGoValueNet => "AlphaGoValue",
        AlphaGoNet => "AlphaGo",
        _ => m.GetType().Name,
    };
}
