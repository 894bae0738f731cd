using System.Text.Json;
using Sente.Nn.Checkpoints;
using Sente.Core.IO;

namespace Sente.Cli.Commands.Lee;

/// <summary>A tournament player: its short name and its spec (apv:..., gnugo:LEVEL, random, ...).</summary>
public sealed record TournamentPlayer(string Name, string Spec);

/// <summary>One finished pairing: games between A and B (colours alternate, A Black first) and their results.</summary>
public sealed record PairResult(string A, string B, int AWins, int BWins, int Draws, int Games);

/// <summary>
/// The file `sente lee tournament` writes (runs/lee9/tournament.json): players, finished pairings, and the Elo of each
/// player by a maximum-likelihood Bradley-Terry fit anchored at the first player = 0. Written atomically after every
/// pairing; a rerun keeps the pairings whose two players have the same specs and game count.
/// </summary>
public sealed record TournamentRecord(List<TournamentPlayer> Players, List<PairResult> Results, Dictionary<string, double> Elo)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static TournamentRecord? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<TournamentRecord>(File.ReadAllText(path)); }
        catch (JsonException e) { throw new CliException($"lee tournament: {path} is not a tournament file ({e.Message}); move it away to start afresh"); }
    }

    public void Write(string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        AtomicFile.Write(path, s => s.Write(bytes));
    }

    /// <summary>
    /// Maximum-likelihood Elo (Bradley-Terry, draws as half a win for each side) by the MM iteration of Hunter (2004),
    /// with one virtual draw added to every pairing that was played so that a perfect score gives a finite rating.
    /// Anchored at <paramref name="players"/>[0] = 0. Players without games get 0 and are not part of the fit.
    /// </summary>
    public static Dictionary<string, double> FitElo(IReadOnlyList<string> players, IReadOnlyList<PairResult> results)
    {
        int n = players.Count;
        var index = new Dictionary<string, int>();
        for (int i = 0; i < n; i++) index[players[i]] = i;
        var games = new double[n, n];
        var wins = new double[n];
        foreach (PairResult r in results)
        {
            if (!index.TryGetValue(r.A, out int a) || !index.TryGetValue(r.B, out int b) || r.Games == 0) continue;
            double played = r.AWins + r.BWins + r.Draws + 1;   // + one virtual draw
            games[a, b] += played;
            games[b, a] += played;
            wins[a] += r.AWins + 0.5 * (r.Draws + 1);
            wins[b] += r.BWins + 0.5 * (r.Draws + 1);
        }
        var gamma = new double[n];
        Array.Fill(gamma, 1.0);
        for (int iter = 0; iter < 10000; iter++)
        {
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                double denominator = 0;
                for (int j = 0; j < n; j++) if (games[i, j] > 0) denominator += games[i, j] / (gamma[i] + gamma[j]);
                if (denominator == 0) continue;
                double next = wins[i] / denominator;
                change = Math.Max(change, Math.Abs(Math.Log(next / gamma[i])));
                gamma[i] = next;
            }
            double norm = gamma[0];
            for (int i = 0; i < n; i++) gamma[i] /= norm;
            if (change < 1e-10) break;
        }
        var elo = new Dictionary<string, double>();
        for (int i = 0; i < n; i++) elo[players[i]] = Math.Round(400 * Math.Log10(gamma[i] / gamma[0]), 1);
        return elo;
    }
}
