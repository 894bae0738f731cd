using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition.Players;
using Sente.Gtp.Client;
using Sente.Gtp.Match;
using Sente.Gtp.Players;

namespace Sente.Cli.Commands.Lee;

/// <summary>
/// `sente lee tournament --players "name=spec;..." --games N --size 9 --out runs/lee9/tournament.json`: a round robin
/// between AlphaGo Lee's search variants (apv:...), any other internal player and GNU Go (gnugo:LEVEL), every pair
/// playing N games with alternating colours under Sente's referee (Tromp-Taylor). Writes the results and a maximum-
/// likelihood Elo per player after every pairing; games are kept as SGF next to the file, so an interrupted run resumes
/// mid-pairing and finished pairings are not replayed.
/// </summary>
public static class LeeTournamentCommand
{
    public static Command Create(CliContext ctx)
    {
        var players = SharedOptions.Players(
            "apv:policy=PATH,value=PATH,rollout=PATH,lambda=0.5,visits=N | random | mcts:... | uct:... | gnugo:LEVEL");
        var games = SharedOptions.Games("Games per pair (colours alternate)", 10);
        var size = SharedOptions.BoardSize("Board size", 9);
        var komi = SharedOptions.Komi("Komi", 7.5);
        var output = new Option<string?>("--out") { Description = "Results file (default runs/lee<size>/tournament.json); games go to <out dir>/tournament-games" };
        var seed = SharedOptions.Seed("Seed of the internal players");
        var moveTimeout = SharedOptions.MoveTimeout();
        var command = new Command("tournament", "Round robin between AlphaGo Lee search variants (apv:...), other players and GNU Go; writes results and Elo (resumable).");
        foreach (Option o in new Option[] { players, games, size, komi, output, seed, moveTimeout }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            int n = parse.GetValue(games), boardSize = parse.GetValue(size);
            List<TournamentPlayer> list = NamedPlayerSpec.ParseList(parse.GetValue(players)!, "lee tournament", minimum: 2)
                .Select(p => new TournamentPlayer(p.Name, p.Spec)).ToList();
            string path = parse.GetValue(output) ?? Path.Combine("runs", $"lee{boardSize}", "tournament.json");
            string gamesDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-games");
            var factory = new PlayerFactory(PlayerCatalog.Default.CreateRegistry());
            var specs = new Dictionary<string, string>();
            foreach (TournamentPlayer p in list)
            {
                try
                {
                    specs[p.Name] = PlayerCatalog.Default.MatchPlayer(p.Spec);
                    factory.Validate(specs[p.Name]);
                }
                catch (ArgumentException e) { throw new CliException($"lee tournament: player '{p.Name}': {e.Message}"); }
            }

            // Keep finished pairings of unchanged players.
            var results = new List<PairResult>();
            if (TournamentRecord.Read(path) is { } old)
            {
                var oldSpecs = old.Players.ToDictionary(p => p.Name, p => p.Spec);
                var now = list.ToDictionary(p => p.Name, p => p.Spec);
                foreach (PairResult r in old.Results)
                    if (r.Games == n && Same(r.A) && Same(r.B)) results.Add(r);
                bool Same(string name) => now.TryGetValue(name, out string? s) && oldSpecs.TryGetValue(name, out string? o) && s == o;
                ctx.Out.WriteLine($"lee tournament: {results.Count} finished pairings kept from {path}");
            }
            var pairs = new List<(int A, int B)>();
            for (int i = 0; i < list.Count; i++)
                for (int j = i + 1; j < list.Count; j++) pairs.Add((i, j));

            var inv = CultureInfo.InvariantCulture;
            ProgressReporter.Run(ctx, "tournament", pairs.Count * n, task =>
            {
                foreach (var (ia, ib) in pairs)
                {
                    if (cancel.IsCancellationRequested) break;
                    TournamentPlayer a = list[ia], b = list[ib];
                    if (results.Any(r => r.A == a.Name && r.B == b.Name))
                    {
                        task.Increment(n);
                        continue;
                    }
                    var options = new MatchOptions(specs[a.Name], specs[b.Name])
                    {
                        Games = n, Size = boardSize, Komi = parse.GetValue(komi), Seed = parse.GetValue(seed) + (ulong)(ia * 1000 + ib),
                        SgfDir = Path.Combine(gamesDir, $"{Safe(a.Name)}-vs-{Safe(b.Name)}"),
                        MoveTimeout = TimeSpan.FromSeconds(parse.GetValue(moveTimeout)),
                    };
                    IReadOnlyList<GameOutcome> outcomes;
                    int aw = 0, bw = 0, d = 0;
                    try
                    {
                        outcomes = new MatchRunner(factory, options).Run(o =>
                        {
                            if (o.ForPlayerA > 0) aw++; else if (o.ForPlayerA < 0) bw++; else d++;
                            task.Increment(1, $"{a.Name} {aw}-{bw}-{d} {b.Name}");
                        }, cancel);
                    }
                    catch (Exception e) when (e is GtpException or InvalidDataException or ArgumentException)
                    {
                        throw new CliException($"lee tournament: {a.Name} vs {b.Name}: {e.Message}");
                    }
                    if (outcomes.Count < n) break;   // interrupted: the SGF folder resumes this pairing
                    results.Add(new PairResult(a.Name, b.Name, aw, bw, d, n));
                    Save(path, list, results);
                }
            });
            var record = Save(path, list, results);
            if (results.Count < pairs.Count)
                ctx.Err.WriteLine($"sente: lee tournament interrupted with {results.Count}/{pairs.Count} pairings done; run the same command again to resume");
            Print(ctx.Out, record, inv);
            ctx.Out.WriteLine($"results: {Path.GetFullPath(path)}; games: {gamesDir}");
            return Task.FromResult(results.Count < pairs.Count ? 130 : 0);
        });
        return command;
    }

    private static TournamentRecord Save(string path, List<TournamentPlayer> players, List<PairResult> results)
    {
        var record = new TournamentRecord(players, results, TournamentRecord.FitElo(players.Select(p => p.Name).ToList(), results));
        record.Write(path);
        return record;
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    private static void Print(TextWriter o, TournamentRecord r, CultureInfo inv)
    {
        int width = Math.Max(6, r.Players.Max(p => p.Name.Length));
        o.WriteLine($"{"A".PadRight(width)}  {"B".PadRight(width)}  A-B-draws  games");
        foreach (PairResult p in r.Results)
            o.WriteLine($"{p.A.PadRight(width)}  {p.B.PadRight(width)}  {$"{p.AWins}-{p.BWins}-{p.Draws}",-9}  {p.Games}");
        o.WriteLine($"{"player".PadRight(width)}  Elo (ML fit, {r.Players[0].Name} = 0)  score");
        foreach (TournamentPlayer p in r.Players.OrderByDescending(p => r.Elo.GetValueOrDefault(p.Name)))
        {
            int games = 0;
            double points = 0;
            foreach (PairResult x in r.Results)
            {
                if (x.A == p.Name) { games += x.Games; points += x.AWins + 0.5 * x.Draws; }
                else if (x.B == p.Name) { games += x.Games; points += x.BWins + 0.5 * x.Draws; }
            }
            o.WriteLine(string.Create(inv, $"{p.Name.PadRight(width)}  {r.Elo.GetValueOrDefault(p.Name),8:+0;-0;0}  {(games == 0 ? "-" : $"{points}/{games}")}"));
        }
    }
}
