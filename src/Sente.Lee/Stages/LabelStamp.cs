using System.Text.Json;
using Sente.Nn.Checkpoints;
using Sente.Core.IO;

namespace Sente.Lee.Stages;

/// <summary>
/// The settings a folder of value labels was made with, kept beside its chunks as labels.json. A rerun into the folder
/// resumes (it keeps the chunks present), so without the stamp a rerun with other settings would silently mix labels
/// of two kinds; with it, the rerun is refused and told which settings differ. Settings are plain name/value text
/// (the caller's choice of names); a folder with chunks but no stamp (made before stamps) is stamped by the first
/// rerun. Not safe against two runs writing one folder at once.
/// </summary>
public static class LabelStamp
{
    public const string FileName = "labels.json";

    /// <summary>Writes <paramref name="settings"/> as <paramref name="directory"/>'s stamp when it has none (atomically),
    /// or checks them against the stamp there.</summary>
    /// <exception cref="InvalidDataException">The stamp holds other settings (the message names each difference and the
    /// folder) or is not a stamp.</exception>
    public static void CheckOrWrite(string directory, IReadOnlyDictionary<string, string> settings)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            AtomicFile.Write(path, fs => JsonSerializer.Serialize(fs, new SortedDictionary<string, string>(settings.ToDictionary()), Indented));
            return;
        }
        Dictionary<string, string> stamped;
        try { stamped = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a label settings stamp ({e.Message})", e); }
        var differences = settings.Keys.Union(stamped.Keys).Order(StringComparer.Ordinal)
            .Where(k => settings.GetValueOrDefault(k) != stamped.GetValueOrDefault(k))
            .Select(k => $"{k} {stamped.GetValueOrDefault(k) ?? "(none)"} there, {settings.GetValueOrDefault(k) ?? "(none)"} now")
            .ToList();
        if (differences.Count > 0)
            throw new InvalidDataException($"{directory} holds labels made with other settings ({string.Join("; ", differences)}); " +
                                           "use another output folder, or the same settings to resume");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
