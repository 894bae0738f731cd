using System.Text;
using System.Text.Json;
using Sente.Core.IO;

namespace Sente.Training.Zero;

/// <summary>What one finished iteration measured (one row of metrics.csv).</summary>
public sealed record IterationMetrics(
    int Iteration, int Games, long Positions, double SelfPlaySeconds, double TrainSeconds, double PolicyLoss,
    double ValueLoss, double LearningRate, double GateScore, bool Promoted, double BestElo, double? ScoreVsRandom,
    double? ScoreVsUct, double ResignFalsePositiveRate);

/// <summary>
/// The persistent progress of a run (state.json, written atomically: the commit point of every phase, see
/// <see cref="StagedFiles"/>). <see cref="Phase"/> is the phase to run next within iteration <see cref="Iteration"/>
/// (0-based); a killed run resumes there. Self-play progress inside a phase is recovered from the replay buffer's game
/// count. <see cref="LastGateScore"/> and <see cref="LastPromoted"/> hold the committed gate result between the gate
/// and the evaluation; <see cref="Installs"/> names staged files (NAME.next) committed but not yet copied over NAME.
/// </summary>
public sealed record RunState(
    int Iteration, string Phase, long TrainingSteps, int Generation, double BestElo, double ElapsedSeconds,
    List<IterationMetrics> History, double LastPolicyLoss = double.NaN, double LastValueLoss = double.NaN,
    double LastSelfPlaySeconds = 0, double LastTrainSeconds = 0, double LastGateScore = double.NaN,
    bool LastPromoted = false, List<string>? Installs = null)
{
    public const string SelfPlay = "selfplay", Train = "train", Gate = "gate", Evaluate = "eval";

    /// <summary>The phases, in the order an iteration runs them.</summary>
    public static readonly IReadOnlyList<string> Phases = [SelfPlay, Train, Gate, Evaluate];

    /// <summary>The files a phase may stage (relative to the run directory).</summary>
    public static readonly IReadOnlyList<string> InstallableFiles = ["best.ckpt", "latest.ckpt", "optimizer.bin"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static RunState New() => new(0, SelfPlay, 0, 0, 0, 0, []);

    /// <summary>Reads and checks state.json.</summary>
    /// <exception cref="InvalidDataException">The file is not a run state, or a field is out of range (named).</exception>
    public static RunState Load(string path)
    {
        RunState? s;
        try
        {
            s = JsonSerializer.Deserialize<RunState>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or DecoderFallbackException)
        {
            throw new InvalidDataException($"{path}: not a valid run state ({e.Message.Split('\n')[0].Trim()})", e);
        }
        if (s is null) throw new InvalidDataException($"{path}: empty run state");
        string? problem =
            s.Iteration < 0 ? $"iteration {s.Iteration}" :
            s.Phase is null || !Phases.Contains(s.Phase) ? $"phase '{s.Phase}' (expected {string.Join(", ", Phases)})" :
            s.TrainingSteps < 0 ? $"training steps {s.TrainingSteps}" :
            s.Generation < 0 ? $"generation {s.Generation}" :
            s.History is null ? "no history" :
            s.History.Any(m => m is null) ? "an empty history entry" :
            s.History.Count != s.Iteration ? $"{s.History.Count} history entries for iteration {s.Iteration}" :
            s.Installs is { } ins && ins.Any(f => f is null || !InstallableFiles.Contains(f)) ? $"installs [{string.Join(", ", ins)}]" :
            null;
        if (problem is not null) throw new InvalidDataException($"{path}: not a valid run state ({problem})");
        return s;
    }

    public void Save(string path)
    {
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }
}
