using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition.Players;
using Sente.Gtp.Client;
using Sente.Gtp.Match;
using Sente.Gtp.Players;

namespace Sente.Cli.Commands;

/// <summary>`sente match --black P --white Q --games N --size S --komi K [--sgf-dir D] [--seed S]`: plays P against
/// Q with Sente as referee (colours alternate: P is Black in odd-numbered games), then prints P's wins, losses and
/// draws, score with 95% interval and the Elo difference.</summary>
public static class MatchCommand
{
    public static Command Create(CliContext ctx)
    {
        var black = new Option<string>("--black")
        {
            Description = "Player A (Black in game 1): sente:SPEC, an internal player spec (docs/GTP.md, \"Player specs\"), or an " +
                          "external GTP command line",
            Required = true,
        };
        var white = new Option<string>("--white") { Description = "Player B (White in game 1)", Required = true };
        var games = SharedOptions.Games("Number of games (colours alternate)", 10);
        var size = SharedOptions.BoardSize("Board size", 9);
        var komi = SharedOptions.Komi();
        var sgfDir = new Option<string?>("--sgf-dir") { Description = "Write each game as an SGF file here; running the same match again resumes it" };
        var seed = SharedOptions.Seed("Seed for internal players");
        var moveTimeout = SharedOptions.MoveTimeout();
        var noCleanup = new Option<bool>("--no-cleanup")
        {
            Description = "Use plain genmove even for engines that know kgs-genmove_cleanup (by default they get it, so " +
                          "GNU Go captures dead stones before passing, as Tromp-Taylor scoring needs)",
        };
        var command = new Command("match", "Play a match between two GTP players (internal sente:SPEC player specs or external command lines).");
        foreach (Option o in new Option[] { black, white, games, size, komi, sgfDir, seed, moveTimeout, noCleanup }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var options = new MatchOptions(parse.GetValue(black)!, parse.GetValue(white)!)
            {
                Games = parse.GetValue(games),
                Size = parse.GetValue(size),
                Komi = parse.GetValue(komi),
                SgfDir = parse.GetValue(sgfDir),
                Seed = parse.GetValue(seed),
                MoveTimeout = TimeSpan.FromSeconds(parse.GetValue(moveTimeout)),
                Cleanup = !parse.GetValue(noCleanup),
            };
            var factory = new PlayerFactory(PlayerCatalog.Default.CreateRegistry());
            try
            {
                factory.Validate(options.PlayerA);
                factory.Validate(options.PlayerB);
            }
            catch (ArgumentException e) { throw new CliException(e.Message); }

            var runner = new MatchRunner(factory, options);
            IReadOnlyList<GameOutcome> outcomes = [];
            // Ctrl+C: abandon the game in progress and report the games finished; a second Ctrl+C kills.
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = !cancel.IsCancellationRequested; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                ProgressReporter.Run(ctx, $"{options.Games} games", options.Games, task =>
                    outcomes = runner.Run(o => task.Increment(1, $"game {o.Index + 1}/{options.Games}: {o.Result}"), cancel.Token),
                    keep: true);
            }
            catch (GtpException e) { throw new CliException(e.Message); }
            catch (InvalidDataException e) { throw new CliException(e.Message); }
            finally { Console.CancelKeyPress -= onCancel; }
            if (cancel.IsCancellationRequested)
                ctx.Err.WriteLine($"sente: match interrupted after {outcomes.Count} games" +
                                  (options.SgfDir is null ? "" : "; run the same command again to resume"));
            Report(ctx.Out, options, outcomes, runner.GenMoveCommands);
            return 0;
        });
        return command;
    }

    private static void Report(TextWriter o, MatchOptions options, IReadOnlyList<GameOutcome> outcomes, IReadOnlyList<string> genmove)
    {
        string a = options.PlayerA, b = options.PlayerB;
        o.WriteLine($"match: A = {a}, B = {b}; {outcomes.Count} games on {options.Size}x{options.Size}, komi " +
                    options.Komi.ToString(CultureInfo.InvariantCulture) + ", Tromp-Taylor scoring by Sente");
        for (int i = 0; i < 2; i++)
            if (genmove[i] != "genmove") o.WriteLine($"{(i == 0 ? "A" : "B")} is asked for moves with {genmove[i]} (plays out dead stones before passing)");
        foreach (GameOutcome g in outcomes)
        {
            string res = g.ForPlayerA switch { 1 => "A wins", -1 => "B wins", _ => "draw" };
            o.WriteLine($"game {g.Index + 1,3}: A {(g.PlayerAIsBlack ? "black" : "white")}  {g.Result,-7} {res}  {g.Moves,4} moves  {g.Reason}" +
                        (g.Resumed ? "  (from an earlier run)" : ""));
        }
        var all = Stats(outcomes);
        var asBlack = Stats(outcomes.Where(g => g.PlayerAIsBlack));
        var asWhite = Stats(outcomes.Where(g => !g.PlayerAIsBlack));
        var (lo, hi) = all.ScoreInterval;
        var (elo, eloHi) = all.EloInterval;
        o.WriteLine($"A ({a}): {all.Wins} wins, {all.Losses} losses, {all.Draws} draws; " +
                    $"win rate {Pct(all.Score)} (95% CI {Pct(lo)}-{Pct(hi)}); " +
                    $"Elo A-B {MatchStatistics.FormatElo(all.Elo)} (95% CI {MatchStatistics.FormatElo(elo)} to {MatchStatistics.FormatElo(eloHi)})");
        o.WriteLine($"A as black: {asBlack.Wins}-{asBlack.Losses}-{asBlack.Draws}; A as white: {asWhite.Wins}-{asWhite.Losses}-{asWhite.Draws} (wins-losses-draws)");
        int forfeits = outcomes.Count(g => g.Forfeit);
        o.WriteLine(forfeits == 0 ? "forfeits: none" : $"forfeits: {forfeits} (illegal move, crash, timeout or protocol error; see the games above)");
        if (options.SgfDir is { } dir) o.WriteLine($"SGF files: {dir}");
    }

    private static MatchStatistics Stats(IEnumerable<GameOutcome> games)
    {
        int w = 0, l = 0, d = 0;
        foreach (GameOutcome g in games)
        {
            if (g.ForPlayerA > 0) w++;
            else if (g.ForPlayerA < 0) l++;
            else d++;
        }
        return new MatchStatistics(w, l, d);
    }

    private static string Pct(double p) => double.IsNaN(p) ? "n/a" : (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
