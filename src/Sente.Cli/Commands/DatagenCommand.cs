using System.CommandLine;
using Sente.Go;
using Sente.Gtp.Client;
using Sente.Gtp.Datagen;

namespace Sente.Cli.Commands;

/// <summary>`sente datagen --engine CMD --games N --size S --out DIR|FILE.sgf [--random-opening K] [--seed S]`:
/// self-play SGF data from an external GTP engine; resumable (counts the games already written).</summary>
public static class DatagenCommand
{
    public static Command Create(CliContext ctx)
    {
        var engine = new Option<string>("--engine") { Description = "GTP engine command line, e.g. \"gnugo --mode gtp --chinese-rules --level 10\"", Required = true };
        var games = SharedOptions.Games("Total games wanted in the output (games already there count)", 100);
        var size = SharedOptions.BoardSize("Board size", 9);
        var komi = SharedOptions.Komi();
        var output = new Option<string>("--out") { Description = "Output: a folder (one SGF per game) or a .sgf file (a collection)", Required = true };
        var opening = new Option<int>("--random-opening") { Description = "Each game starts with 0..K uniformly random legal moves (noted in GC)", DefaultValueFactory = _ => 0 };
        var seed = SharedOptions.Seed("Seed of the random openings");
        var command = new Command("datagen", "Generate self-play games of an external GTP engine as SGF (supervised-learning data); resumable.");
        foreach (Option o in new Option[] { engine, games, size, komi, output, opening, seed }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var options = new DatagenOptions(parse.GetValue(engine)!, parse.GetValue(output)!)
            {
                Games = parse.GetValue(games),
                Size = parse.GetValue(size),
                Komi = parse.GetValue(komi),
                RandomOpening = parse.GetValue(opening),
                Seed = parse.GetValue(seed),
            };
            if (options.RandomOpening < 0) throw new CliException("--random-opening must not be negative");
            var generator = new SelfPlayGenerator(options);
            int before;
            try { before = generator.CountExisting(); }
            catch (SgfException e) { throw new CliException($"{options.Output} is not a valid SGF collection: {e.Message}"); }
            int written = 0, failures = 0;
            // Ctrl+C: drop the game in progress and stop (run the same command again to continue).
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = !cancel.IsCancellationRequested; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                ProgressReporter.Run(ctx, "self-play", options.Games, task =>
                {
                    task.Report(before);
                    written = generator.Run((have, fails, record) =>
                    {
                        failures = fails;
                        task.Report(have, $"game {have}/{options.Games}: {record.Result}");
                    }, cancel.Token);
                }, keep: true);
            }
            catch (GtpException e) { throw new CliException(e.Message); }
            finally { Console.CancelKeyPress -= onCancel; }
            if (cancel.IsCancellationRequested) ctx.Err.WriteLine("sente: datagen interrupted; run the same command again to continue");
            ctx.Out.WriteLine($"datagen: {written} new games ({before} were already there, {before + written} in {options.Output}); " +
                              $"engine failures retried: {failures}");
            return 0;
        });
        return command;
    }
}
