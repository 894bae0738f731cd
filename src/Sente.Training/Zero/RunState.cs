using System.Text.Json;
using Sente.Core.IO;

namespace Sente.Training.Zero;

/// <summary>What one finished iteration measured (one row of metrics.csv).</summary>
public sealed record IterationMetrics(
    int Iteration, int Games, long Positions, double SelfPlaySeconds, double TrainSeconds, double PolicyLoss,
    double ValueLoss, double LearningRate, double GateScore, bool Promoted, double BestElo, double? ScoreVsRandom,
    double? ScoreVsUct, double ResignFalsePositiveRate);

/// <summary>
/// The persistent progress of a run (state.json, written atomically after every phase). <see cref="Phase"/> is the
/// phase to run next within iteration <see cref="Iteration"/> (0-based); a killed run resumes there. Self-play progress
/// inside a phase is recovered from the replay buffer's game count.
/// </summary>
public sealed record RunState(
    int Iteration, string Phase, long TrainingSteps, int Generation, double BestElo, double ElapsedSeconds,
    List<IterationMetrics> History, double LastPolicyLoss = double.NaN, double LastValueLoss = double.NaN,
    double LastSelfPlaySeconds = 0, double LastTrainSeconds = 0)
{
    public const string SelfPlay = "selfplay", Train = "train", Gate = "gate";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static RunState New() => new(0, SelfPlay, 0, 0, 0, 0, []);

    public static RunState Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunState>(File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"{path}: empty run state");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid run state ({e.Message})", e);
        }
    }

    public void Save(string path)
    {
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }
}
