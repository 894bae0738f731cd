using System.Text.Json;
using Sente.Nn.Checkpoints;
using Sente.Core.IO;

namespace Sente.Lee.Stages;

/// <summary>
/// The rollout policy's summary that `sente lee rollout` writes as rollout.json beside its weights file (read by
/// `sente lee report`): held-out top-1 accuracy (a fraction, 0..1), CPU microseconds per move selection of the
/// incremental path on the held-out games, the number of training games and of held-out positions.
/// </summary>
public sealed record RolloutReport(double Top1, double MicrosecondsPerMove, int TrainGames, int TestPositions)
{
    public const string FileName = "rollout.json";

    /// <summary>rollout.json in the folder of <paramref name="weightsPath"/>.</summary>
    public static string PathBeside(string weightsPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(weightsPath))!, FileName);

    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/> atomically (indented JSON).</summary>
    public static void Write(string path, RolloutReport report) =>
        AtomicFile.Write(path, s => JsonSerializer.Serialize(s, report, new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Reads a rollout.json; a missing, malformed or incomplete file raises <see cref="InvalidDataException"/>.</summary>
    public static RolloutReport Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = doc.RootElement;
            return new RolloutReport(root.GetProperty(nameof(Top1)).GetDouble(), root.GetProperty(nameof(MicrosecondsPerMove)).GetDouble(),
                root.GetProperty(nameof(TrainGames)).GetInt32(), root.GetProperty(nameof(TestPositions)).GetInt32());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException
                                      or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a valid {FileName}: {e.Message}", e);
        }
    }
}
