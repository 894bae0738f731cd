using System.CommandLine;
using Sente.Nn.Models;
using Sente.Lee.Stages;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee value-data`: AlphaGo's value-network data games (SL policy to move U-1, a random move U, RL
/// policy to the end), written as SGF with VS[U] and RE.</summary>
public static class LeeValueDataCommand
{
    public static Command Create(CliContext ctx)
    {
        var sl = new Option<string>("--sl") { Description = "SL policy checkpoint (e.g. runs/lee9/sl-48/policy.ckpt)", Required = true };
        var rl = new Option<string>("--rl") { Description = "RL policy checkpoint (the SL one again if there is no RL policy yet)", Required = true };
        var games = SharedOptions.Games("Games to play in total (a rerun continues; games that end before move U are left out)", 1000);
        var output = new Option<string?>("--out") { Description = "Output folder of value-FIRST-END.sgf chunks (default runs/lee<size>/value-data)" };
        var size = SharedOptions.BoardSize("Board size", 9);
        var komi = SharedOptions.Komi("Komi", 7.5);
        var maxU = new Option<int>("--max-u") { Description = "U is uniform in 1..max-u (paper: 450 on 19x19); 0 means size*size", DefaultValueFactory = _ => 0 };
        var chunk = new Option<int>("--chunk") { Description = "Games per output file (a kill loses at most the file in progress)", DefaultValueFactory = _ => 64 };
        var threads = SharedOptions.Threads("Torch intra-op threads (0: default)");
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var temperature = new Option<double>("--temperature") { Description = "Softmax temperature of both policies' moves (paper: 1)", DefaultValueFactory = _ => 1.0 };
        var rlTemperature = new Option<double?>("--rl-temperature") { Description = "Temperature of the RL phase after move U (default: --temperature; 0: the RL policy's best move)" };
        var seed = SharedOptions.Seed("Seed (U, moves)");
        var command = new Command("value-data", "Play AlphaGo's value-network data games (SL policy, one random move at U, RL policy) into SGF files with VS[U].");
        foreach (Option o in new Option[] { sl, rl, games, output, size, komi, maxU, chunk, temperature, rlTemperature, threads, device, seed }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            ValueDataOptions options;
            AlphaGoPolicyNet slNet, rlNet;
            try
            {
                options = new ValueDataOptions(parse.GetValue(size), parse.GetValue(komi), parse.GetValue(games), parse.GetValue(maxU),
                    parse.GetValue(chunk), parse.GetValue(temperature), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(device)!,
                    parse.GetValue(rlTemperature)).Validate();
                slNet = ValueData.LoadPolicy(parse.GetValue(sl)!, options.Size);
                rlNet = ValueData.LoadPolicy(parse.GetValue(rl)!, options.Size);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException)
            {
                throw new CliException($"lee value-data: {e.Message}");
            }
            string dir = parse.GetValue(output) ?? Path.Combine("runs", $"lee{options.Size}", "value-data");
            ctx.Out.WriteLine($"lee value-data: {options.Games} games, U uniform in 1..{options.UMax}, {options.ChunkGames} games per file -> {Path.GetFullPath(dir)}");
            ValueDataSummary summary = null!;
            using (slNet)
            using (rlNet)
            {
                ProgressReporter.Run(ctx, "games", options.Games, progress =>
                    summary = ValueData.Generate(slNet, rlNet, options, dir, ProgressReporter.Synchronous<(int Done, int Total)>(p =>
                        progress.Report(p.Done, $"games {p.Done}/{p.Total}")), cancel));
            }
            ctx.Out.WriteLine($"wrote {summary.GamesAdded} games in {summary.ChunksWritten} new file(s) ({summary.EndedBeforeU} ended before move U and were left out); " +
                              $"{summary.GamesPlayed} games played, {summary.GamesInFiles} in the files. Train with: sente lee value --data {dir} --mode sampled");
            return Task.FromResult(0);
        });
        return command;
    }
}
