using System.CommandLine;
using System.Globalization;
using Sente.Core.Platform;
using Sente.Gtp.Client;
using Sente.Gtp.Match;
using Sente.Gtp.Players;
using Spectre.Console;

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
        var players = new Option<string>("--players")
        {
            Description = "Players as name=spec separated by ';'. A spec is an internal player (apv:policy=PATH,value=PATH,rollout=PATH," +
                          "lambda=0.5,visits=N | random | mcts:... | uct:...) or gnugo:LEVEL",
            Required = true,
        };
        var games = new Option<int>("--games") { Description = "Games per pair (colours alternate)", DefaultValueFactory = _ => 10 };
        var size = new Option<int>("--size") { Description = "Board size", DefaultValueFactory = _ => 9 };
        var komi = new Option<double>("--komi") { Description = "Komi", DefaultValueFactory = _ => 7.5 };
        var output = new Option<string?>("--out") { Description = "Results file (default runs/lee<size>/tournament.json); games go to <out dir>/tournament-games" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the internal players", DefaultValueFactory = _ => 1UL };
        var moveTimeout = new Option<double>("--move-timeout") { Description = "Seconds a player may take per move", DefaultValueFactory = _ => 120 };
        var command = new Command("tournament", "Round robin between AlphaGo Lee search variants (apv:...), other players and GNU Go; writes results and Elo (resumable).");
        foreach (Option o in new Option[] { players, games, size, komi, output, seed, moveTimeout }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            int n = parse.GetValue(games), boardSize = parse.GetValue(size);
            if (n < 1) throw new CliException("lee tournament: --games must be at least 1");
            if (boardSize is < 2 or > 25) throw new CliException($"lee tournament: --size {boardSize}: board sizes are 2..25");
            List<TournamentPlayer> list = ParsePlayers(parse.GetValue(players)!);
            string path = parse.GetValue(output) ?? Path.Combine("runs", $"lee{boardSize}", "tournament.json");
            string gamesDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-games");
            var factory = new PlayerFactory(SentePlayers.CreateRegistry());
            var specs = list.ToDictionary(p => p.Name, p => GtpSpec(p.Spec));
            foreach (TournamentPlayer p in list)
            {
                try { factory.Validate(specs[p.Name]); }
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
            ctx.Console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new RemainingTimeColumn()).Start(live =>
            {
                var task = live.AddTask("tournament", maxValue: pairs.Count * n);
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
                            task.Increment(1);
                            task.Description = Markup.Escape($"{a.Name} {aw}-{bw}-{d} {b.Name}");
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

    /// <summary>"name=spec;name=spec" -> players (names unique, non-empty; specs non-empty).</summary>
    public static List<TournamentPlayer> ParsePlayers(string text, string command = "lee tournament", int minimum = 2)
    {
        var list = new List<TournamentPlayer>();
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1) throw new CliException($"{command}: expected name=spec, got '{part}'");
            string name = part[..eq].Trim(), spec = part[(eq + 1)..].Trim();
            if (list.Any(p => p.Name == name)) throw new CliException($"{command}: player name '{name}' given twice");
            list.Add(new TournamentPlayer(name, spec));
        }
        if (list.Count < minimum)
            throw new CliException($"{command}: --players needs at least {(minimum == 2 ? "two players" : minimum == 1 ? "one player" : $"{minimum} players")} (name=spec;name=spec)");
        return list;
    }

    /// <summary>A tournament spec as a match player: gnugo:LEVEL -> GNU Go's GTP command line; anything else internal.</summary>
    public static string GtpSpec(string spec)
    {
        if (spec.StartsWith("gnugo:", StringComparison.OrdinalIgnoreCase))
        {
            string level = spec[6..];
            if (!int.TryParse(level, NumberStyles.Integer, CultureInfo.InvariantCulture, out int l) || l is < 0 or > 10)
                throw new CliException($"lee tournament: '{spec}': GNU Go levels are 0..10");
            string exe = ExecutableLocator.Find("gnugo") ?? throw new CliException("lee tournament: gnugo is not installed (apt-get install gnugo)");
            return $"{exe} --mode gtp --level {l}";
        }
        return spec.StartsWith(PlayerFactory.InternalPrefix, StringComparison.OrdinalIgnoreCase) ? spec : PlayerFactory.InternalPrefix + spec;
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
