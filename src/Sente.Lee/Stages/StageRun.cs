using System.Text.Json;
using Sente.Core.IO;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Lee.Stages;

/// <summary>
/// What the resumable Lee training stages (<see cref="SupervisedPolicy"/>, <see cref="SupervisedValue"/>,
/// <see cref="ReinforcePolicy"/>) share: the step learning-rate schedule and its settings' checks, one SGD step, and
/// the run directory's JSON state file (read with a clear error, written through <see cref="AtomicFile"/>) saved
/// beside the network checkpoint and the optimizer. Stateless; each call touches only the files it is given.
/// </summary>
internal static class StageRun
{
    /// <summary>The rate of step <paramref name="step"/> (0-based): <paramref name="rate"/> divided by 10 at each of
    /// <paramref name="drops"/> reached (a step schedule; null or empty: constant).</summary>
    public static double LearningRateAt(double rate, long[]? drops, long step) =>
        rate * Math.Pow(0.1, (drops ?? []).Count(d => step >= d));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting of a supervised stage.</summary>
    public static void ValidateSupervised(int batch, int steps, int evalEvery, int evalPositions, double learningRate,
                                          long[]? lrDrops, double testFraction)
    {
        if ((lrDrops ?? []).Any(d => d < 1)) throw new ArgumentException("learning-rate drop steps must be positive");
        if (batch < 1 || steps < 1 || evalEvery < 1 || evalPositions < 1)
            throw new ArgumentException("batch, steps, eval-every and eval-positions must be positive");
        if (!(learningRate > 0)) throw new ArgumentException($"learning rate must be > 0 (got {learningRate})");
        if (!(testFraction > 0 && testFraction < 1)) throw new ArgumentException($"test fraction must be in (0, 1) (got {testFraction})");
    }

    /// <summary>One optimizer step on <paramref name="loss"/>() (built inside a dispose scope, so its tensors are
    /// freed); returns the loss value.</summary>
    public static double SgdStep(Sgd optimizer, Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        Tensor l = loss();
        optimizer.ZeroGrad();
        l.backward();
        optimizer.Step();
        return l.item<float>();
    }

    /// <summary>The state saved at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is empty or not JSON of <typeparamref name="T"/>
    /// (the message names the file and <paramref name="what"/>).</exception>
    public static T ReadState<T>(string path, string what)
    {
        try { return JsonSerializer.Deserialize<T>(File.ReadAllText(path)) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a {what} ({e.Message})", e); }
    }

    /// <summary>Writes <paramref name="state"/> as JSON to <paramref name="path"/>, atomically.</summary>
    public static void WriteState<T>(string path, T state, JsonSerializerOptions? json = null) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(state, json));

    /// <summary>Saves a supervised stage after an evaluation: the network (<paramref name="step"/> and
    /// <paramref name="metadata"/> in its header), then the optimizer, then the state file, which is written last so
    /// that a state file on disk never runs ahead of the checkpoint it describes.</summary>
    public static void Save<T>(string checkpointPath, nn.Module net, ModelConfig config, long step,
                               Dictionary<string, string>? metadata, Sgd optimizer, string optimizerPath,
                               string statePath, T state, JsonSerializerOptions? json = null)
    {
        Checkpoint.Save(checkpointPath, net, config, step, metadata);
        optimizer.Save(optimizerPath);
        WriteState(statePath, state, json);
    }
}
