using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition;
using Sente.Cli.Composition.Players;
using Sente.Core.Evaluation;
using Sente.Gtp.Match;
using Sente.Nn.Checkpoints;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using Sente.Search;
using Sente.Go;
using Sente.Lee.Stages;
using Sente.Search.Apv;
using Sente.Training.Zero;
using Sente.Core.Encoding;

namespace Sente.Cli.Commands;

/// <summary>
/// `sente arena`: many games between two internal players searched in lockstep (one batched network call per round),
/// far faster than `match` for networks. A side is a player spec (docs/GTP.md, "Player specs"; <see cref="PlayerCatalog"/>):
/// `mcts:model=PATH` or `net:PATH`, `policy:PATH`, `apv:...`, `uct` (playouts = --visits unless given), `random`,
/// `one-ply` or `minimax` (tic-tac-toe). Two policy sides play in lockstep with one batched forward per network
/// (<see cref="PolicyGames"/>; games end by two passes or 3*N*N moves and are scored). Prints the score with a 95%
/// interval and the Elo difference.
/// </summary>
public static class ArenaCommand
{
    public static Command Create(CliContext ctx)
    {
        const string sideHelp = "a player spec (docs/GTP.md, \"Player specs\"): mcts:model=PATH (net:PATH) | policy:PATH[,temperature=T] | " +
                                "apv:policy=PATH,... | uct[:playouts=N] | random | one-ply | minimax";
        var a = new Option<string>("--a") { Description = "First side: " + sideHelp, Required = true };
        var b = new Option<string>("--b") { Description = "Second side: " + sideHelp, Required = true };
        var game = new Option<string>("--game") { Description = "go | tictactoe | connect4", DefaultValueFactory = _ => "go" };
        var size = SharedOptions.BoardSize("Go board size", 9);
        var komi = SharedOptions.Komi("Go komi", 7.0);
        var games = SharedOptions.Games("Games (colours alternate)", 100);
        var visits = SharedOptions.Visits("Visits per move of mcts sides and playouts per move of uct sides that set none", 200);
        var opening = new Option<int?>("--opening-moves") { Description = "Moves sampled in proportion to visits at the start of each game (default: per game)" };
        var seed = SharedOptions.Seed();
        var sgfDir = new Option<string?>("--sgf-dir") { Description = "Write each Go game's record there as game-NNNN.sgf (the folder must hold no game records yet)" };
        var adjudicate = new Option<double?>("--adjudicate") { Description = "End a game as a resignation when both sides' searches agree: the mover's best move below -T and the opponent's above +T (T in (0, 1), e.g. 0.8; default: play every game out)" };
        var command = new Command("arena", "Play many games between two internal players (networks, UCT, random) in lockstep and report the score.");
        foreach (Option o in new Option[] { a, b, game, size, komi, games, visits, opening, seed, sgfDir, adjudicate }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var options = ZeroOptions.DefaultsFor(parse.GetValue(game)!) with { BoardSize = parse.GetValue(size), Komi = parse.GetValue(komi) };
            if (!GameCatalog.Names.Contains(options.Game)) throw new CliException($"arena: unknown game '{options.Game}'");
            ZeroGameBinding binding = GameCatalog.For(options);
            int v = parse.GetValue(visits), n = parse.GetValue(games);
            double? adjudication = parse.GetValue(adjudicate);
            if (adjudication is { } t && !(t > 0 && t < 1)) throw new CliException($"arena: --adjudicate must be in (0, 1) (got {t.ToString(CultureInfo.InvariantCulture)})");
            ulong s = parse.GetValue(seed);
            string? records = parse.GetValue(sgfDir);
            if (records is not null) PrepareRecords(records, options.Game);
            if (options.Game == "go" && IsPolicy(parse.GetValue(a)!) && IsPolicy(parse.GetValue(b)!))
            {
                if (adjudication is not null) throw new CliException("arena: --adjudicate needs sides that search (two policy: sides have no values)");
                return PolicyArena(ctx, parse.GetValue(a)!, parse.GetValue(b)!, options.BoardSize, options.Komi, n, s, records);
            }
            ArenaSide sideA = Side(parse.GetValue(a)!, new ArenaSideContext(binding, v, s)),
                      sideB = Side(parse.GetValue(b)!, new ArenaSideContext(binding, v, s + 1));
            ArenaResult result = new(0, 0, 0);
            int adjudicated = 0;
            ProgressReporter.Run(ctx, $"{sideA.Name} vs {sideB.Name}", n, task =>
            {
                // Games run in lockstep and mostly end together: the description also shows the move being played.
                var score = new ArenaResult(0, 0, 0);
                string Describe(string tail) => $"{sideA.Name} {score.Wins}-{score.Losses}-{score.Draws} {sideB.Name}{tail}";
                result = Arena.Play(binding.Game, sideA, sideB, n, s, parse.GetValue(opening) ?? binding.OpeningMoves,
                    onGame: r => { score = r; task.Report(r.Games, Describe("")); },
                    onMove: (move, live) => { if (live > 0) task.Report(score.Games, Describe($", move {move + 1} of {live} live game(s)")); },
                    onFinished: g =>
                    {
                        if (g.Adjudicated) adjudicated++;
                        if (records is null) return;
                        var (black, white) = g.AIsPlayer0 ? (sideA.Name, sideB.Name) : (sideB.Name, sideA.Name);
                        var state = (GoState)g.State;
                        string? outcome = g.Capped ? null
                            : g.Adjudicated ? ((g.ReturnForA > 0) == g.AIsPlayer0 ? "B+R" : "W+R")
                            : state.Score().ResultString;
                        WriteRecord(records, g.Index, state, black, white, outcome, s, g.Adjudicated ? adjudication : null);
                    }, adjudicate: adjudication);
            });
            var stats = new MatchStatistics(result.Wins, result.Losses, result.Draws);
            var (low, high) = stats.ScoreInterval;
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"arena: {sideA.Name} vs {sideB.Name}, {n} games of {binding.Game.Name}: {result.Wins} wins, {result.Losses} losses, {result.Draws} draws; " +
                $"score {stats.Score:P1} (95% CI {low:P1}-{high:P1}); Elo {MatchStatistics.FormatElo(stats.Elo)}{(adjudication is null ? "" : $"; {adjudicated} adjudicated")}"));
            if (records is not null) ctx.Out.WriteLine($"SGF files: {records}");
            return 0;
        });
        return command;
    }

    /// <summary>The side of <paramref name="spec"/>, through the one player catalog.</summary>
    private static ArenaSide Side(string spec, ArenaSideContext context)
    {
        try
        {
            if (!PlayerCatalog.Default.Knows(PlayerSpec.Parse(spec).Kind))
                throw new CliException($"arena: unknown side '{spec}' (expected a player spec: " +
                                       $"{string.Join(", ", PlayerCatalog.Default.Kinds.Select(k => k.Usage))}; see docs/GTP.md)");
            return PlayerCatalog.Default.CreateArenaSide(spec, context);
        }
        catch (ArgumentException e) { throw new CliException($"arena: {e.Message}"); }
    }

    /// <summary>True when <paramref name="spec"/> is a well-formed `policy` player.</summary>
    private static bool IsPolicy(string spec)
    {
        try { return PlayerCatalog.Default.Resolve(spec).Kind is PolicyPlayerKind; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Checks that records can go to <paramref name="dir"/>: Go only, and no game records there already (an arena
    /// does not resume, so they would be overwritten by another match's games).</summary>
    private static void PrepareRecords(string dir, string game)
    {
        if (game != "go") throw new CliException($"arena: --sgf-dir records Go games only, not {game}");
        if (Directory.Exists(dir) && Directory.EnumerateFiles(dir, "game-*.sgf").Any())
            throw new CliException($"arena: {dir} already holds game records (game-*.sgf); use another --sgf-dir");
        Directory.CreateDirectory(dir);
    }

    /// <summary>Writes game <paramref name="index"/> atomically as game-NNNN.sgf; a null result (stopped at the move cap)
    /// is recorded as "Void".</summary>
    private static void WriteRecord(string dir, int index, GoState state, string black, string white, string? result, ulong seed,
                                    double? adjudicatedAt = null)
    {
        var record = GameRecord.FromState(state, result ?? "Void");
        record.Properties["PB"] = black;
        record.Properties["PW"] = white;
        record.Properties["DT"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        record.Properties["GN"] = $"arena game {index + 1}";
        record.Properties["C"] = string.Create(CultureInfo.InvariantCulture,
            $"sente arena, seed {seed}; {(result is null ? "stopped at the move cap" : adjudicatedAt is { } t ? $"adjudicated: both searches agreed beyond {t}" : "Tromp-Taylor area score")}");
        Sgf.WriteFileAtomic(Path.Combine(dir, $"game-{index + 1:D4}.sgf"), Sgf.Write(record));
    }

    /// <summary>Loads a `policy` side's network, which must play <paramref name="size"/>.</summary>
    private static LoadedPolicy Policy(string spec, int size)
    {
        try { return PolicyPlayerKind.Load(PlayerCatalog.Default.Resolve(spec).Settings, size); }
        catch (ArgumentException e) { throw new CliException($"arena: {e.Message}"); }
    }

    /// <summary>Two policy networks in lockstep (one batched forward per network per round), colours alternating.</summary>
    private static int PolicyArena(CliContext ctx, string specA, string specB, int size, double komi, int games, ulong seed, string? records)
    {
        var (netA, tA, nameA) = Policy(specA, size);
        var (netB, tB, nameB) = Policy(specB, size);
        if (tA != tB) throw new CliException("arena: two policy sides must use the same temperature");
        if (nameA == nameB) nameB += "'";
        var options = new PolicyGameOptions(size, komi, Temperature: tA == 0 ? 1 : tA, Greedy: tA == 0);
        var setups = Enumerable.Range(0, games).Select(g => g % 2 == 0 ? PolicyGameSetup.ByColour(0, 1) : PolicyGameSetup.ByColour(1, 0)).ToList();
        var results = new List<PolicyGame>();
        ProgressReporter.Run(ctx, $"{nameA} vs {nameB}: {games} games", games, task =>
        {
            const int chunk = 256;
            for (int start = 0; start < games; start += chunk)
            {
                results.AddRange(PolicyGames.Play([netA, netB], setups.Skip(start).Take(chunk).ToList(), options, seed ^ (ulong)start).Games);
                task.Report(results.Count);
            }
        });
        if (records is not null)
            for (int g = 0; g < results.Count; g++)
            {
                var state = new GoState(size, komi, Rules.TrompTaylor);
                foreach (int move in results[g].Moves) state.Play(state.ToMove, move);
                var (black, white) = g % 2 == 0 ? (nameA, nameB) : (nameB, nameA);
                WriteRecord(records, g, state, black, white, results[g].Score.ResultString, seed); // capped games are scored too
            }
        int wins = results.Count(r => r.ZFor(0) > 0), losses = results.Count(r => r.ZFor(0) < 0);
        var stats = new MatchStatistics(wins, losses, games - wins - losses);
        var (low, high) = stats.ScoreInterval;
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"arena: {nameA} vs {nameB}, {games} games of go {size}x{size} (komi {komi}), no search: {wins} wins, {losses} losses, {games - wins - losses} draws; " +
            $"score {stats.Score:P1} (95% CI {low:P1}-{high:P1}); Elo {MatchStatistics.FormatElo(stats.Elo)}"));
        if (records is not null) ctx.Out.WriteLine($"SGF files: {records}");
        netA.Dispose();
        netB.Dispose();
        return 0;
    }
}
