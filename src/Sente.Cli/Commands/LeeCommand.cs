using System.CommandLine;
using System.Globalization;
using Sente.Lee.Stages;
using Spectre.Console;
using Sente.Cli.Composition;

namespace Sente.Cli.Commands;

/// <summary>`sente lee ...`: the AlphaGo Lee pipeline, stage by stage. So far: `sl`, supervised learning of the
/// policy network from SGF game records.</summary>
public static class LeeCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("lee", "The AlphaGo Lee pipeline, stage by stage (sl: supervised policy network; rollout: the fast rollout policy).");
        command.Subcommands.Add(Sl(ctx));
        command.Subcommands.Add(Rollout(ctx));
        command.Subcommands.Add(Lee.LeeRlCommand.Create(ctx));
        command.Subcommands.Add(Lee.LeeTournamentCommand.Create(ctx));
        foreach (Command c in Lee.LeeValueCommand.WithDataAndReport(ctx)) command.Subcommands.Add(c);
        return command;
    }

    private static Command Sl(CliContext ctx)
    {
        var data = new Option<string>("--data") { Description = "An SGF file or a folder of them", DefaultValueFactory = _ => DataFolder.GnuGo9x9 };
        var size = new Option<int>("--size") { Description = "Board size (games of other sizes are skipped)", DefaultValueFactory = _ => 9 };
        var planes = new Option<int>("--planes") { Description = "Input planes: 4, 12, 20 or 48 (the paper's feature ablation)", DefaultValueFactory = _ => 48 };
        var filters = new Option<int>("--filters") { Description = "Filters per layer (AlphaGo: 192)", DefaultValueFactory = _ => 64 };
        var layers = new Option<int>("--layers") { Description = "Convolution layers (AlphaGo: 13)", DefaultValueFactory = _ => 7 };
        var steps = new Option<int>("--steps") { Description = "SGD steps in total (a rerun resumes up to this)", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Positions per step", DefaultValueFactory = _ => 64 };
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 0.05 };
        var evalEvery = new Option<int>("--eval-every") { Description = "Steps between held-out evaluations and checkpoints", DefaultValueFactory = _ => 250 };
        var evalPositions = new Option<int>("--eval-positions") { Description = "Held-out positions per evaluation (the same ones each time; more than there are: all)", DefaultValueFactory = _ => 2000 };
        var threads = new Option<int>("--threads") { Description = "Torch intra-op threads (0: default)", DefaultValueFactory = _ => 0 };
        var lrDrops = new Option<string?>("--lr-drop") { Description = "Steps at which the learning rate is divided by 10, comma-separated (e.g. 6000,9000)" };
        var runDir = new Option<string?>("--run-dir") { Description = "Run directory (default runs/lee<size>/sl-<planes>)" };
        var seed = new Option<ulong>("--seed") { Description = "Seed (split, sampling, initialisation)", DefaultValueFactory = _ => 1UL };
        var command = new Command("sl", "Supervised learning of AlphaGo's policy network from SGF records; reports held-out top-1/top-3 accuracy.");
        foreach (Option o in new Option[] { data, size, planes, filters, layers, steps, batch, lr, evalEvery, evalPositions, threads, lrDrops, runDir, seed }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            SupervisedPolicyOptions options;
            SgfPositions positions;
            try
            {
                options = new SupervisedPolicyOptions(parse.GetValue(size), parse.GetValue(planes), parse.GetValue(filters),
                    parse.GetValue(layers), parse.GetValue(batch), parse.GetValue(steps), parse.GetValue(lr),
                    EvalEvery: parse.GetValue(evalEvery), EvalPositions: parse.GetValue(evalPositions),
                    Threads: parse.GetValue(threads), Seed: parse.GetValue(seed), LrDrops: ParseSteps(parse.GetValue(lrDrops))).Validate();
                positions = SgfPositions.Load(parse.GetValue(data)!, options.Size, options.TestFraction, options.Seed);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException)
            {
                throw new CliException($"lee sl: {e.Message}");
            }
            string dir = parse.GetValue(runDir) ?? Path.Combine("runs", $"lee{options.Size}", $"sl-{options.Planes}");
            ctx.Out.WriteLine($"lee sl: {positions.Games.Count} games, {positions.Train.Count} training and {positions.Test.Count} held-out moves " +
                              $"(split by game), {options.Planes} planes, {options.Layers} layers x {options.Filters} filters -> {Path.GetFullPath(dir)}");
            IReadOnlyList<PolicyAccuracy> history = [];
            ctx.Console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn())
                .Start(live =>
                {
                    var task = live.AddTask("training", maxValue: options.Steps);
                    history = new SupervisedPolicy(options, positions, dir, new SynchronousProgress<(long Step, long Total, string Message)>(p =>
                    {
                        task.Value = p.Step;
                        task.Description = Markup.Escape($"step {p.Step}/{p.Total} {p.Message}");
                    })).Run(cancel);
                });
            var inv = CultureInfo.InvariantCulture;
            foreach (PolicyAccuracy a in history)
                ctx.Out.WriteLine(string.Create(inv, $"step {a.Step,6}: held-out top-1 {a.Top1:P1}, top-3 {a.Top3:P1}, top-1 averaged over 8 symmetries {(a.Top1Symmetric is { } t ? t.ToString("P1", inv) : "-")}, loss {a.Loss:0.000} ({a.Positions} positions, {a.MicrosecondsPerPosition:0} us/position)"));
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Rollout(CliContext ctx)
    {
        var data = new Option<string>("--data") { Description = "An SGF file or a folder of them", DefaultValueFactory = _ => DataFolder.GnuGo9x9 };
        var size = new Option<int>("--size") { Description = "Board size", DefaultValueFactory = _ => 9 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training games", DefaultValueFactory = _ => 3 };
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 0.05 };
        var output = new Option<string?>("--out") { Description = "Weights file (default runs/lee<size>/rollout.bin)" };
        var seed = new Option<ulong>("--seed") { Description = "Seed (split and game order)", DefaultValueFactory = _ => 1UL };
        var command = new Command("rollout", "Supervised learning of AlphaGo's linear-softmax rollout policy; reports held-out top-1 accuracy and microseconds per move selection; writes rollout.json beside the weights.");
        foreach (Option o in new Option[] { data, size, epochs, lr, output, seed }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            int n = parse.GetValue(size), e = parse.GetValue(epochs);
            if (e < 1) throw new CliException("lee rollout: --epochs must be >= 1");
            SgfPositions positions;
            try { positions = SgfPositions.Load(parse.GetValue(data)!, n, 0.1, parse.GetValue(seed)); }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException) { throw new CliException($"lee rollout: {ex.Message}"); }
            string path = parse.GetValue(output) ?? Path.Combine("runs", $"lee{n}", "rollout.bin");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            ctx.Out.WriteLine($"lee rollout: {positions.Games.Count} games, {positions.Train.Count} training and {positions.Test.Count} held-out moves (split by game)");
            IReadOnlyList<RolloutAccuracy> history = [];
            ctx.Console.Progress().AutoClear(true).Start(live =>
            {
                var task = live.AddTask("training", maxValue: e);
                history = SupervisedRollout.Train(positions, e, (float)parse.GetValue(lr), parse.GetValue(seed), path,
                    new SynchronousProgress<(int Epoch, int Game, int Games)>(p => { task.Value = p.Epoch - 1 + (double)p.Game / p.Games; task.Description = $"epoch {p.Epoch}/{e}"; }), cancel);
            });
            foreach (RolloutAccuracy a in history)
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {a.Epoch}: held-out top-1 {a.Top1:P1} over {a.Positions} moves, {a.MicrosecondsPerMove:0.00} us per move selection (incremental, CPU time)"));
            ctx.Out.WriteLine($"weights: {Path.GetFullPath(path)}");
            ctx.Out.WriteLine($"summary: {RolloutReport.PathBeside(path)}");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>Parses <paramref name="option"/>'s comma-separated positive whole numbers (empty: none), e.g.
    /// --lr-drop's step numbers.</summary>
    /// <exception cref="ArgumentException">A part is not a positive integer.</exception>
    internal static long[] ParseSteps(string? text, string option = "--lr-drop")
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var steps = new List<long>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            steps.Add(long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v > 0
                ? v : throw new ArgumentException($"{option}: '{part}' is not a positive whole number"));
        return [.. steps];
    }
}
