using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sente.Core;
using Sente.Go;
using Spectre.Console;

namespace Sente.Cli.Commands.Bench;

/// <summary>
/// `sente bench go`: uniform-random playouts per second ("playout": Sente.Go.Playout, simple ko, no eye filling) on 9x9 and
/// 19x19, on one thread and on every core, plus full-rules random games ("game": GoState + RandomPolicy, positional superko).
/// </summary>
public static class BenchGoCommand
{
    public static Command Create(CliContext ctx)
    {
        var seconds = SharedOptions.Seconds();
        var seed = SharedOptions.Seed("Random seed.");
        var command = new Command("go", "Go board speed: random playouts/s and moves/s on 9x9 and 19x19, one thread and all cores.");
        command.Options.Add(seconds);
        command.Options.Add(seed);
        command.SetAction(parse =>
        {
            double s = parse.GetValue(seconds);
            ulong baseSeed = parse.GetValue(seed);
            int cores = Environment.ProcessorCount;
            var table = new Table().AddColumn("board").AddColumn("kind").AddColumn("threads")
                .AddColumn(new TableColumn("playouts/s").RightAligned())
                .AddColumn(new TableColumn("moves/s").RightAligned())
                .AddColumn(new TableColumn("avg length").RightAligned())
                .AddColumn(new TableColumn("per CPU-s").RightAligned());
            foreach (int size in new[] { 9, 19 })
            {
                Measure(size, 1, s * 0.25, baseSeed); // warm-up (JIT tiering)
                foreach (int threads in cores > 1 ? new[] { 1, cores } : new[] { 1 })
                {
                    var (playouts, moves, elapsed, cpu) = Measure(size, threads, s, baseSeed);
                    table.AddRow($"{size}x{size}", "playout", threads.ToString(CultureInfo.InvariantCulture),
                        Fmt(playouts / elapsed), Fmt(moves / elapsed), (moves / (double)playouts).ToString("0.0", CultureInfo.InvariantCulture),
                        Fmt(playouts / cpu));
                }
                var (games, gameMoves, t, gameCpu) = MeasureFullRules(size, Math.Min(s, 2.0), baseSeed);
                table.AddRow($"{size}x{size}", "game", "1",
                    Fmt(games / t), Fmt(gameMoves / t), (gameMoves / (double)games).ToString("0.0", CultureInfo.InvariantCulture),
                    Fmt(games / gameCpu));
            }
            ctx.Console.Write(table);
            ctx.Out.WriteLine($"{cores} logical cores; {s:0.#} s per row; seed {baseSeed}. Rates per wall-clock second; \"per CPU-s\" " +
                              "divides playouts (or games) by the process CPU time instead (insensitive to other load on the machine).");
            return 0;
        });
        return command;
    }

    private static string Fmt(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static (long Playouts, long Moves, double Seconds, double CpuSeconds) Measure(int size, int threads, double seconds, ulong seed)
    {
        long playouts = 0, moves = 0;
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            ulong threadSeed = seed + (ulong)t * 0x9E3779B97F4A7C15UL;
            workers[t] = new Thread(() =>
            {
                var rng = new Rng(threadSeed);
                var empty = new Board(size);
                var board = new Board(size);
                long p = 0, m = 0;
                do // at least one batch per thread, however late the thread starts
                {
                    for (int i = 0; i < 64; i++)
                    {
                        board.CopyFrom(empty);
                        m += Playout.Run(board, Stone.Black, rng);
                        p++;
                    }
                } while (sw.Elapsed.TotalSeconds < seconds);
                Interlocked.Add(ref playouts, p);
                Interlocked.Add(ref moves, m);
            });
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
        double elapsed = sw.Elapsed.TotalSeconds;
        return (playouts, moves, elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static (long Games, long Moves, double Seconds, double CpuSeconds) MeasureFullRules(int size, double seconds, ulong seed)
    {
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var rng = new Rng(seed);
        var game = new GoGame(size, 7.5, Rules.TrompTaylor);
        long games = 0, moves = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            GoState state = game.NewState();
            while (!state.IsTerminal) state.Play(state.ToMove, RandomPolicy.SelectMove(state, rng));
            games++;
            moves += state.MoveNumber;
        }
        double elapsed = sw.Elapsed.TotalSeconds;
        return (games, moves, elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
    }
}
