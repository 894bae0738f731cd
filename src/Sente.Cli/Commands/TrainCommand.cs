using System.CommandLine;
using Sente.Cli.Composition;
using Sente.Core.Config;
using Sente.Training.Zero;

namespace Sente.Cli.Commands;

/// <summary>
/// `sente train`: AlphaGo Zero from scratch (self-play, replay, training, gating, evaluation) in one process.
/// With no arguments: 9x9 Go with a small network in runs/go9. Stops cleanly on Ctrl-C after saving; running the same
/// command again resumes.
/// </summary>
public static class TrainCommand
{
    public static Command Create(CliContext ctx)
    {
        var config = new Option<string?>("--config") { Description = "A config file (see --print-config for every key with comments)" };
        var set = new Option<string[]>("--set") { Description = "Override one setting: --set selfplay.visits=200 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var game = new Option<string?>("--game") { Description = "go | tictactoe | connect4 (same as --set game=...)" };
        var size = SharedOptions.OptionalBoardSize("Go board size (same as --set board.size=...)");
        var runDir = new Option<string?>("--run-dir") { Description = "Run directory (default: runs/<game><size>)" };
        var iterations = new Option<int?>("--iterations") { Description = "Stop after this many iterations in total (run.iterations)" };
        var minutes = new Option<double?>("--minutes") { Description = "Stop after this many minutes of this session (run.minutes)" };
        var seed = new Option<long?>("--seed") { Description = "Seed of everything random (run.seed)" };
        var printConfig = new Option<bool>("--print-config") { Description = "Print the effective config file and exit" };

        var command = new Command("train", "Train with the AlphaGo Zero pipeline (self-play, replay buffer, SGD, gating). " +
                                           "Resumes when run again on the same run directory.");
        foreach (Option o in new Option[] { config, set, game, size, runDir, iterations, minutes, seed, printConfig }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            ConfigFile cfg;
            string? dirArg = parse.GetValue(runDir);
            try
            {
                cfg = parse.GetValue(config) is { } path ? ConfigFile.Load(path) : new ConfigFile();
                var overrides = new List<string>();
                if (parse.GetValue(game) is { } g) overrides.Add($"game={g}");
                if (parse.GetValue(size) is { } s) overrides.Add($"board.size={s}");
                if (parse.GetValue(iterations) is { } it) overrides.Add($"run.iterations={it}");
                if (parse.GetValue(minutes) is { } m) overrides.Add($"run.minutes={m.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                if (parse.GetValue(seed) is { } sd) overrides.Add($"run.seed={sd}");
                overrides.AddRange(parse.GetValue(set) ?? []);
                cfg.WithOverrides(overrides);
                // A run directory that already has a config: its settings are the base, so resuming needs no flags.
                string dir0 = dirArg ?? DefaultDir(cfg);
                string saved = Path.Combine(dir0, "config.cfg");
                if (parse.GetValue(config) is null && File.Exists(saved))
                    cfg = ConfigFile.Load(saved).WithOverrides(overrides);
                ZeroOptions options = ZeroOptions.From(cfg);
                if (parse.GetValue(printConfig))
                {
                    ctx.Out.Write(options.ToConfigText());
                    return Task.FromResult(0);
                }
                return Run(ctx, options, dirArg ?? DefaultDir(options), cancel);
            }
            catch (ConfigException e)
            {
                throw new CliException($"train: {e.Message}");
            }
        });
        return command;
    }

    private static string DefaultDir(ConfigFile cfg)
    {
        var probe = ConfigFile.Parse(cfg.ToText());
        string g = probe.GetString("game", "go");
        return g == "go" ? Path.Combine("runs", $"go{probe.GetString("board.size", "9")}") : Path.Combine("runs", g);
    }

    private static string DefaultDir(ZeroOptions o) =>
        o.Game == "go" ? Path.Combine("runs", $"go{o.BoardSize}") : Path.Combine("runs", o.Game);

    private static async Task<int> Run(CliContext ctx, ZeroOptions options, string dir, CancellationToken cancel)
    {
        ZeroGameBinding binding = GameCatalog.For(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true;
            ctx.Err.WriteLine("sente: stopping after the current step; the run resumes when started again");
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            ctx.Out.WriteLine($"sente train: {options.Game}{(options.Game == "go" ? $" {options.BoardSize}x{options.BoardSize}" : "")}, " +
                              $"{options.Trunk} {options.Blocks}x{options.Filters}, {options.Visits} visits, {options.GamesPerIteration} games/iteration -> {Path.GetFullPath(dir)}");
            var run = new ZeroRun(options, binding, dir);
            RunState final = await ProgressReporter.RunAsync(ctx, "starting", 1, reporter =>
            {
                run = new ZeroRun(options, binding, dir, new PhaseProgress(reporter));
                return run.RunAsync(stop.Token);
            });
            ctx.Out.WriteLine($"sente train: {final.Iteration} iterations done, generation {final.Generation}, " +
                              $"best network {Path.GetFullPath(run.BestPath)}");
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    /// <summary>Shows each phase on the progress display (restarted per phase, so the time left is the phase's) and
    /// prints one line per finished iteration. Reports arrive on worker threads; the phase is locked.</summary>
    private sealed class PhaseProgress(ProgressReporter reporter) : IProgress<ZeroProgress>
    {
        private readonly object _lock = new();
        private string _phase = "";

        public void Report(ZeroProgress p)
        {
            if (p.Phase is "done" or "resume")
            {
                reporter.WriteLine(p.Message);
                return;
            }
            string description = $"iter {p.Iteration + 1} {p.Phase} {p.Done}/{p.Total} {p.Message}";
            lock (_lock)
            {
                if (p.Phase != _phase)
                {
                    _phase = p.Phase;
                    reporter.Restart(description, Math.Max(1, p.Total), p.Done);
                    return;
                }
            }
            reporter.SetTotal(Math.Max(1, p.Total));
            reporter.Report(p.Done, description);
        }
    }
}
