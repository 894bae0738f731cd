using Sente.Nn.Models;

namespace Sente.Nn.Checkpoints;

/// <summary>
/// The JSON header of a Sente checkpoint: architecture, training metadata and the integrity data of the weights.
/// </summary>
/// <param name="Format">Checkpoint format version (<see cref="Checkpoint.FormatVersion"/>).</param>
/// <param name="Config">The architecture; <see cref="ModelFactory.Create"/> rebuilds the network from it.</param>
/// <param name="ConfigHash">SHA-256 (hex) of the canonical JSON of <paramref name="Config"/>: equal hashes, same architecture.</param>
/// <param name="TrainingStep">Optimizer steps taken when saved.</param>
/// <param name="SavedAtUtc">When it was written.</param>
/// <param name="WeightsLength">Bytes of the weights section.</param>
/// <param name="WeightsSha256">SHA-256 (hex) of the weights section.</param>
/// <param name="Extra">Free-form metadata (run name, data, notes).</param>
public sealed record CheckpointHeader(
    int Format,
    ModelConfig Config,
    string ConfigHash,
    long TrainingStep,
    DateTimeOffset SavedAtUtc,
    long WeightsLength,
    string WeightsSha256,
    Dictionary<string, string>? Extra = null);
