using System.CommandLine;
using System.Globalization;
using Sente.Nn.Checkpoints;
using Sente.Lee.Networks;
using Sente.Lee.Rollout;
using Spectre.Console;

namespace Sente.Cli.Commands.Bench;

/// <summary>
/// `sente bench rollout`: AlphaGo's fast rollout policy, one thread. Full rollouts from the empty board and from a
/// mid-game position on each board size, by the full rescore and by the incremental selector side by side:
/// microseconds per move selection (feature updates included, board play excluded), per full move, moves/s and
/// rollouts/s.
/// </summary>
public static class BenchRolloutCommand
{
    public static Command Create(CliContext ctx)
    {
        var weights = new Option<string?>("--weights") { Description = "Rollout weights (sente lee rollout's output); none: zero weights (uniform over candidates)." };
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated board sizes.", DefaultValueFactory = _ => "9,19" };
        var seconds = SharedOptions.Seconds();
        var seed = SharedOptions.Seed("Random seed (start positions and rollouts).");
        var apv = new Option<bool>("--apv") { Description = "Also time whole rollouts as APV-MCTS runs them (GoState leaf, scored with komi 7.5) from the empty board: move by move vs incremental." };
        var command = new Command("rollout", "Rollout policy speed: us per move selection and rollouts/s, full rescore vs incremental, 9x9 and 19x19.");
        foreach (Option o in new Option[] { weights, sizes, seconds, seed, apv }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            double s = parse.GetValue(seconds);
            int[] boardSizes;
            try { boardSizes = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray(); }
            catch (FormatException) { throw new CliException($"--sizes must be comma-separated integers, got '{parse.GetValue(sizes)}'"); }
            if (boardSizes.Length == 0 || boardSizes.Any(b => b is < 5 or > 25)) throw new CliException("--sizes must list sizes in 5..25");
            ulong baseSeed = parse.GetValue(seed);
            string? path = parse.GetValue(weights);
            RolloutPolicy policy;
            if (path is null)
            {
                policy = new RolloutPolicy();
                ctx.Out.WriteLine("no --weights: zero weights (uniform over the candidates); trained weights change the moves and rollout lengths.");
            }
            else
            {
                try { policy = RolloutWeightsFile.Load(path); }
                catch (CheckpointException e) { throw new CliException($"bench rollout: {e.Message}"); }
                ctx.Out.WriteLine($"weights: {Path.GetFullPath(path)}");
            }

            var inv = CultureInfo.InvariantCulture;
            var table = new Table().AddColumn("position").AddColumn("impl")
                .AddColumn(new TableColumn("us/select").RightAligned())
                .AddColumn(new TableColumn("us/move").RightAligned())
                .AddColumn(new TableColumn("us/reset").RightAligned())
                .AddColumn(new TableColumn("moves/s").RightAligned())
                .AddColumn(new TableColumn("rollouts/s").RightAligned())
                .AddColumn(new TableColumn("len").RightAligned());
            foreach (int size in boardSizes)
            {
                foreach (int opening in new[] { 0, size * size / 3 })
                {
                    var (start, toMove, last) = RolloutBenchmark.StartPosition(policy, size, opening, baseSeed);
                    string startName = opening == 0 ? $"{size}x{size} empty" : $"{size}x{size} mid {opening}";
                    foreach (bool incremental in new[] { false, true })
                    {
                        RolloutBenchmark.Measure(policy, start, toMove, last, startName, incremental, s * 0.2, baseSeed); // warm-up (JIT tiering)
                        var r = RolloutBenchmark.Measure(policy, start, toMove, last, startName, incremental, s, baseSeed);
                        table.AddRow(startName, incremental ? "incr" : "full",
                            r.SelectMicroseconds.ToString("0.00", inv), r.MoveMicroseconds.ToString("0.00", inv),
                            r.ResetMicroseconds.ToString("0.0", inv), r.MovesPerSecond.ToString("N0", inv),
                            r.RolloutsPerSecond.ToString("N0", inv), r.AverageLength.ToString("0.0", inv));
                    }
                }
            }
            ctx.Console.Write(table);
            ctx.Out.WriteLine($"One thread; {s:0.##} s per row; seed {baseSeed}. full = full rescore of every candidate per move " +
                              "(RolloutPolicy.Sample), incr = IncrementalRollout. Rollouts end after two passes or 3 x N x N moves; " +
                              "mid N = after the policy's own first N moves. us/select = CPU us per move selection with feature updates, " +
                              "excluding board play (a replay of the same moves on a plain board) and the per-rollout reset (us/reset, " +
                              "incr's full scoring of the start position); us/move includes board play; moves/s, rollouts/s = wall clock, everything included." +
                              (s < 0.5 ? " Under 0.5 s per row the process CPU clock's ~10 ms resolution makes the us columns rough." : ""));
            if (parse.GetValue(apv)) WriteApvTable(ctx, policy, boardSizes, s, baseSeed);
            return 0;
        });
        return command;
    }

    private static void WriteApvTable(CliContext ctx, RolloutPolicy policy, int[] boardSizes, double seconds, ulong seed)
    {
        var inv = CultureInfo.InvariantCulture;
        var linear = new LinearRolloutPolicy(policy);
        var table = new Table().AddColumn("position").AddColumn("apv rollout")
            .AddColumn(new TableColumn("rollouts/s").RightAligned())
            .AddColumn(new TableColumn("cpu us/rollout").RightAligned())
            .AddColumn(new TableColumn("black wins").RightAligned());
        foreach (int size in boardSizes)
            foreach (bool incremental in new[] { false, true })
            {
                ApvRolloutBenchmark.Measure(linear, size, 7.5, incremental, seconds * 0.2, seed); // warm-up (JIT tiering)
                var r = ApvRolloutBenchmark.Measure(linear, size, 7.5, incremental, seconds, seed);
                table.AddRow($"{size}x{size} empty", r.Implementation, r.RolloutsPerSecond.ToString("N0", inv),
                    r.CpuMicrosecondsPerRollout.ToString("0.0", inv), r.BlackWinRate.ToString("0.000", inv));
            }
        ctx.Console.Write(table);
        ctx.Out.WriteLine("APV rollouts: IRolloutPolicy.Rollout on a clone of the leaf GoState (Tromp-Taylor, komi 7.5), one thread. " +
                          "move by move = LinearRolloutPolicy.ChooseAction + GoState.Apply per move (full rescore, full rules: the path " +
                          "before the incremental rollout); incremental = LinearRolloutPolicy.Rollout (IncrementalRollout, simple ko).");
    }
}
