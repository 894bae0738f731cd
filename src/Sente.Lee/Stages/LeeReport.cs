using System.Globalization;
using System.Text;
using System.Text.Json;
using Sente.Charts;
using Sente.Core.IO;

namespace Sente.Lee.Stages;

/// <summary>One row of the AlphaGo Lee report: what was measured, Sente's number (or "not run") and the paper's.</summary>
public sealed record ReportRow(string Measurement, string Sente, string Paper);

/// <summary>
/// The AlphaGo Lee report: reads whatever stage results a run directory holds (sl-N/sl-state.json and sl-48-NAME/
/// sl-state.json for further 48-plane runs, rollout.json,
/// rl/rl-state.json, value-MODE/value-state.json, tournament.json) and sets each beside the paper's number (Silver et
/// al. 2016; 19x19, so the comparison is of shape, not of value). A missing file reads as "not run"; a file that is
/// present but malformed is an error naming the file. Writes report.md and report.png. Stateless.
/// </summary>
public static class LeeReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Paper Elo ratings at 5 s per move (Figure 4 / Extended Data), for the search-variant section.</summary>
    public const string PaperElo = "paper Elo at 5 s/move: value + rollouts (lambda 0.5) 2890, rollouts only 2416, value only 2177, " +
                                   "policy network alone 1517, GNU Go 3.8 level 10 431 (230 Elo ~ 79% wins)";

    /// <summary>The report's rows and the search-variant lines, read from <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A result file is malformed (the message names it).</exception>
    public static (List<ReportRow> Rows, List<string> Search) Collect(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"no run directory at '{directory}'");
        var rows = new List<ReportRow>();
        // sl-48 is the default run; other 48-plane runs (sl-48-NAME: another width, more data) get a row each after it.
        const string paper48 = "55.4% (192 filters); 57.0% (256 filters, 8-symmetry ensemble)";
        var slRuns = new List<(string Dir, string Label, string Paper)> { ("sl-48", "SL policy, 48 planes: held-out top-1 / top-3", paper48) };
        slRuns.AddRange(Directory.GetDirectories(directory, "sl-48-*").Select(Path.GetFileName).OfType<string>()
            .Where(d => File.Exists(Path.Combine(directory, d, "sl-state.json"))).Order(StringComparer.Ordinal)
            .Select(d => (d, $"SL policy, 48 planes ({d}): held-out top-1 / top-3", paper48)));
        slRuns.AddRange(new[] { (4, "47.6%"), (12, "54.7%"), (20, "54.7%") }
            .Select(x => ($"sl-{x.Item1}", $"SL policy, {x.Item1} planes: held-out top-1 / top-3", x.Item2)));
        foreach (var (dir, label, paper) in slRuns)
        {
            rows.Add(new(label, Read(Path.Combine(directory, dir, "sl-state.json"), root =>
            {
                JsonElement last = Last(root, "History");
                // Top1Symmetric (the 8-symmetry ensemble, as the paper's 57.0%) is absent from older runs and may be null.
                string ensemble = last.TryGetProperty("Top1Symmetric", out JsonElement sym) && sym.ValueKind == JsonValueKind.Number
                    ? $"; 8-symmetry ensemble top-1 {Pct(Number(sym, "Top1Symmetric"))}" : "";
                return string.Create(Inv, $"{Pct(Num(last, "Top1"))} / {Pct(Num(last, "Top3"))} (step {Num(last, "Step"):0}, {Num(last, "MicrosecondsPerPosition"):0} us/position{ensemble})");
            }), paper));
        }
        rows.Add(new("Rollout policy: held-out top-1, time per move", Read(Path.Combine(directory, "rollout.json"), root =>
            string.Create(Inv, $"{Pct(Num(root, "Top1"))}, {Num(root, "MicrosecondsPerMove"):0.00} us")), "24.2%, 2 us"));
        rows.Add(new("RL policy vs SL policy, no search: win rate", Read(Path.Combine(directory, "rl", "rl-state.json"), root =>
        {
            JsonElement last = Last(root, "History");
            return string.Create(Inv, $"{Pct(Num(last, "WinRateVsSl"))} of {Num(last, "Games"):0} games (iteration {Num(last, "Iteration"):0})");
        }), "over 80%"));
        foreach (var (mode, what, paper) in new[]
                 {
                     ("sampled", "one position per generated game (VS)", "0.226 / 0.234"),
                     ("one", "one random position per game", "0.226 / 0.234 (one per game)"),
                     ("all", "every position of each game", "0.19 / 0.37"),
                     ("fromsample", "every position from the sampled one on", "-"),
                 })
        {
            rows.Add(new($"Value MSE, {what}: train / held-out (constant)", Read(Path.Combine(directory, $"value-{mode}", "value-state.json"), root =>
            {
                JsonElement last = Last(root, "History");
                return string.Create(Inv, $"{Num(last, "TrainMse"):0.000} / {Num(last, "TestMse"):0.000} ({Num(last, "ConstantMse"):0.000}; step {Num(last, "Step"):0})");
            }), paper));
        }
        var (search, elo) = Tournament(Path.Combine(directory, "tournament.json"));
        if (elo.Count == 0) rows.Add(new("Search variants: Elo", NotRun, "value + rollouts 2890, rollouts 2416, value 2177, policy 1517, GNU Go 431"));
        foreach (var (name, rating) in elo)
            rows.Add(new($"Search variant Elo: {name}", rating.ToString("0", Inv), PaperEloFor(name)));
        return (rows, search);
    }

    /// <summary>Writes report.md and report.png into <paramref name="directory"/>; returns the Markdown.</summary>
    public static string Write(string directory)
    {
        var (rows, search) = Collect(directory);
        var md = new StringBuilder();
        md.AppendLine("# AlphaGo Lee pipeline: Sente beside the paper");
        md.AppendLine();
        md.AppendLine($"Run directory `{Path.GetFullPath(directory)}`. Paper: Silver et al., Nature 529 (2016), 19x19; Sente's numbers are " +
                      "for this run's board, so compare trends, not values.");
        md.AppendLine();
        md.AppendLine("| Measurement | Sente | Paper |");
        md.AppendLine("|---|---|---|");
        foreach (ReportRow r in rows) md.AppendLine($"| {r.Measurement} | {r.Sente} | {r.Paper} |");
        md.AppendLine();
        md.AppendLine("## Search variants");
        md.AppendLine();
        foreach (string line in search) md.AppendLine(line);
        md.AppendLine();
        md.AppendLine($"Reference: {PaperElo}.");
        string text = md.ToString();
        AtomicFile.WriteAllText(Path.Combine(directory, "report.md"), text);
        var table = rows.Select(r => (IReadOnlyList<string>)[r.Measurement, r.Sente, r.Paper]).ToList();
        TableChart.Save(Path.Combine(directory, "report.png"), "AlphaGo Lee pipeline: Sente vs the paper (Silver et al. 2016, 19x19)",
            ["Measurement", "Sente", "Paper"], table);
        return text;
    }

    /// <summary>The paper's Elo for a player whose name names a variant (mixed, GNU Go, value, rollout(s), policy), else a dash.</summary>
    public static string PaperEloFor(string player)
    {
        string n = player.ToLowerInvariant();
        return n.Contains("mixed") ? "2890 (value + rollouts)" : n.Contains("gnu") ? "431 (GNU Go level 10)"
            : n.Contains("value") ? "2177 (value only)" : n.Contains("rollout") ? "2416 (rollouts only)"
            : n.Contains("policy") ? "1517 (policy net alone)" : "-";
    }

    /// <summary>Markdown lines for tournament.json (Elo per player and the pairings, or "not run") and the ratings,
    /// best first.</summary>
    private static (List<string> Lines, List<(string Name, double Elo)> Elo) Tournament(string path)
    {
        var lines = new List<string>();
        var ratings = new List<(string, double)>();
        string? none = Read(path, root =>
        {
            if (!root.TryGetProperty("Elo", out JsonElement elo) || elo.ValueKind != JsonValueKind.Object)
                throw new KeyNotFoundException("expected an object property \"Elo\" (player name -> rating)");
            lines.Add("| Player | Elo |");
            lines.Add("|---|---|");
            ratings.AddRange(elo.EnumerateObject().Select(p => (p.Name, Number(p.Value, $"Elo.{p.Name}"))).OrderByDescending(p => p.Item2));
            foreach (var (name, rating) in ratings) lines.Add(string.Create(Inv, $"| {name} | {rating:0} |"));
            lines.Add("");
            lines.Add("| A | B | A wins | B wins | Games |");
            lines.Add("|---|---|---|---|---|");
            if (!root.TryGetProperty("Results", out JsonElement results) || results.ValueKind != JsonValueKind.Array)
                throw new KeyNotFoundException("expected an array property \"Results\"");
            foreach (JsonElement r in results.EnumerateArray())
                lines.Add(string.Create(Inv, $"| {Str(r, "A")} | {Str(r, "B")} | {Num(r, "AWins"):0} | {Num(r, "BWins"):0} | {Num(r, "Games"):0} |"));
            return "";
        });
        if (none == NotRun) lines.Add("not run (no tournament.json)");
        return (lines, ratings);
    }

    private const string NotRun = "not run";

    /// <summary>0.5123 -> "51.2%".</summary>
    private static string Pct(double x) => (100 * x).ToString("0.0", Inv) + "%";

    /// <summary>"not run" when <paramref name="path"/> is missing, else <paramref name="describe"/> of its JSON root;
    /// JSON syntax errors and missing or mistyped members raise <see cref="InvalidDataException"/> naming the file.</summary>
    private static string Read(string path, Func<JsonElement, string> describe)
    {
        if (!File.Exists(path)) return NotRun;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return describe(doc.RootElement);
        }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
        catch (InvalidOperationException e) { throw new InvalidDataException($"{path}: unexpected JSON shape ({e.Message})", e); }
        catch (KeyNotFoundException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    private static JsonElement Prop(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) ? v
            : throw new KeyNotFoundException($"expected a property \"{name}\"");

    private static JsonElement Last(JsonElement root, string array)
    {
        JsonElement a = Prop(root, array);
        if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() == 0)
            throw new KeyNotFoundException($"expected a non-empty array \"{array}\"");
        return a[a.GetArrayLength() - 1];
    }

    private static double Num(JsonElement e, string name) => Number(Prop(e, name), name);

    private static double Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble()
            : throw new KeyNotFoundException($"\"{name}\" should be a number, not {e.ValueKind}");

    private static string Str(JsonElement e, string name)
    {
        JsonElement v = Prop(e, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new KeyNotFoundException($"\"{name}\" should be a string, not {v.ValueKind}");
    }
}
