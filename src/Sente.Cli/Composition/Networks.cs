using Sente.Core.Evaluation;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using static TorchSharp.torch;
using Sente.Core.Encoding;
using Sente.Go.Features;

namespace Sente.Cli.Composition;

/// <summary>Loads trained Go networks (Sente checkpoints) as evaluators for search.</summary>
public static class Networks
{
    /// <summary>A Go evaluator from a checkpoint written by `sente train` (17-plane AlphaGo Zero or 18-plane Leela Zero
    /// input); random symmetry per evaluation, as AlphaGo Zero's search does.</summary>
    /// <exception cref="CliException">The file is missing, corrupt or not a Go policy-value network.</exception>
    public static (IEvaluator Evaluator, ModelConfig Config) LoadGo(string path, string device = "cpu", bool bf16 = false, ulong seed = 1)
    {
        if (!File.Exists(path)) throw new CliException($"model '{path}' not found");
        TorchRuntime.InitializeProcess();
        nn.Module module;
        CheckpointHeader header;
        try { (module, header) = Checkpoint.Load(path); }
        catch (CheckpointException e) { throw new CliException(e.Message); }
        if (module is not PolicyValueNet net)
            throw new CliException($"model '{path}' is a {header.Config.Kind} network, not a policy-value network");
        ModelConfig c = header.Config;
        if (c.Actions is not null || c.Height is not null)
            throw new CliException($"model '{path}' was trained on another game (policy of {c.NumActions} actions)");
        IPositionEncoder encoder = c.InputPlanes switch
        {
            17 => StoneHistoryEncoder.AlphaGoZero(c.BoardSize),
            18 => StoneHistoryEncoder.LeelaZero18(c.BoardSize),
            _ => throw new CliException($"model '{path}': {c.InputPlanes} input planes is not a Go Zero input (17 or 18)"),
        };
        var evaluator = new TorchEvaluator(net, encoder, new TorchEvaluatorOptions(device, bf16, Symmetry: SymmetryMode.Random, Seed: seed));
        // Sente's Go networks are trained with searches that never fill their own eyes (selfplay.no_eye_fill).
        return (new Sente.Go.NoEyeFillEvaluator(evaluator), c);
    }
}
