using System.CommandLine;
using System.Globalization;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Lee.Stages;
using Sente.Cli.Composition;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee value`: AlphaGo's value network trained on game outcomes; prints the MSE history (train,
/// held-out, constant predictor).</summary>
public static class LeeValueCommand
{
    public static Command Create(CliContext ctx)
    {
        var data = new Option<string?>("--data") { Description = "An SGF file or a folder of them with RE (default: runs/lee<size>/value-data from `sente lee value-data` in mode sampled, the GNU Go 9x9 games otherwise)" };
        var mode = new Option<string>("--mode") { Description = "Positions per game: sampled (the VS position of generated data), one (one random position), all (every position: the paper's overfitting case), from-sample (every position from the VS one on)", DefaultValueFactory = _ => "sampled" };
        var targets = new Option<string>("--targets") { Description = "outcome (the game's result, AlphaGo's target) or rollouts (the VR labels of `sente lee value-label`: the mean of k rollouts)", DefaultValueFactory = _ => "outcome" };
        var size = SharedOptions.BoardSize("Board size (games of other sizes are skipped)", 9);
        var filters = new Option<int>("--filters") { Description = "Filters per layer (AlphaGo: 192), or the --trunk tower's width", DefaultValueFactory = _ => 64 };
        var layers = new Option<int>("--layers") { Description = "Convolution layers of the policy-shaped stack (AlphaGo: 13)", DefaultValueFactory = _ => 7 };
        var trunk = new Option<string?>("--trunk") { Description = "A tower of blocks in place of AlphaGo's plain stack: resnet, preact, wide, pyramid or dense (with --blocks, --filters as its width and batch norm; default: the paper's stack of --layers)" };
        var blocks = new Option<int>("--blocks") { Description = "Blocks of the --trunk tower", DefaultValueFactory = _ => 6 };
        var steps = new Option<int>("--steps") { Description = "SGD steps in total (a rerun resumes up to this)", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Positions per step", DefaultValueFactory = _ => 64 };
        var lr = new Option<double>("--lr") { Description = "Learning rate (AlphaGo: 0.003)", DefaultValueFactory = _ => 0.003 };
        var lrDrops = new Option<string?>("--lr-drop") { Description = "Steps at which the learning rate is divided by 10, comma-separated (e.g. 6000,9000)" };
        var evalEvery = new Option<int>("--eval-every") { Description = "Steps between evaluations and checkpoints", DefaultValueFactory = _ => 250 };
        var evalPositions = new Option<int>("--eval-positions") { Description = "Training and held-out positions per evaluation", DefaultValueFactory = _ => 2000 };
        var threads = SharedOptions.Threads("Torch intra-op threads (0: default)");
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var runDir = new Option<string?>("--run-dir") { Description = "Run directory (default runs/lee<size>/value-<mode>)" };
        var seed = SharedOptions.Seed("Seed (split, positions, sampling, initialisation)");
        var command = new Command("value", "Train AlphaGo's value network by MSE regression on game outcomes; reports train and held-out MSE beside a constant predictor.");
        foreach (Option o in new Option[] { data, mode, targets, size, filters, layers, trunk, blocks, steps, batch, lr, lrDrops, evalEvery, evalPositions, threads, device, runDir, seed })
            command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            SupervisedValueOptions options;
            ValuePositions positions;
            try
            {
                ValueMode m = ParseMode(parse.GetValue(mode)!);
                ValueTarget t = ParseTarget(parse.GetValue(targets)!);
                options = new SupervisedValueOptions(parse.GetValue(size), parse.GetValue(filters), parse.GetValue(layers),
                    parse.GetValue(batch), parse.GetValue(steps), parse.GetValue(lr), EvalEvery: parse.GetValue(evalEvery),
                    EvalPositions: parse.GetValue(evalPositions), Seed: parse.GetValue(seed), Threads: parse.GetValue(threads),
                    Device: parse.GetValue(device)!, LrDrops: CommaList.PositiveLongs(parse.GetValue(lrDrops), "--lr-drop"),
                    Trunk: parse.GetValue(trunk) is { } kind ? new TrunkConfig(TrunkConfig.ParseKind(kind), parse.GetValue(blocks), parse.GetValue(filters)) : null).Validate();
                string path = parse.GetValue(data) ?? (m.ReadsSample()
                    ? Path.Combine("runs", $"lee{options.Size}", "value-data")
                    : DataFolder.GnuGo9x9);
                positions = ValuePositions.Load(path, options.Size, m, options.TestFraction, options.Seed, t);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException)
            {
                throw new CliException($"lee value: {e.Message}");
            }
            string modeName = positions.Mode.ToString().ToLowerInvariant();
            bool rollouts = positions.Target == ValueTarget.Rollouts;
            string dir = parse.GetValue(runDir) ?? Path.Combine("runs", $"lee{options.Size}", $"value-{modeName}" + (rollouts ? "-rollouts" : ""));
            ctx.Out.WriteLine($"lee value: {positions.Games.Count} games ({positions.SkippedGames} skipped without {(rollouts ? "rollout labels" : "a decisive result")}), " +
                              $"mode {modeName}: {positions.Train.Count} training and {positions.Test.Count} held-out positions (split by game{(positions.SplitGroups < positions.Games.Count ? $": {positions.SplitGroups} games with their branches" : "")}), " +
                              $"{Checkpoint.Describe(options.Model)} -> {Path.GetFullPath(dir)}");
            IReadOnlyList<ValueError> history = [];
            try
            {
                ProgressReporter.Run(ctx, "training", options.Steps, progress =>
                    history = new SupervisedValue(options, positions, dir, ProgressReporter.Synchronous<(long Step, long Total, string Message)>(p =>
                        progress.Report(p.Step, $"step {p.Step}/{p.Total} {p.Message}"))).Run(cancel));
            }
            catch (InvalidDataException e)
            {
                throw new CliException($"lee value: {e.Message}");
            }
            ctx.Out.WriteLine("  step  train MSE  held-out MSE  constant MSE");
            foreach (ValueError e in history)
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Step,6}  {e.TrainMse,9:0.0000}  {e.TestMse,12:0.0000}  {e.ConstantMse,12:0.0000}"));
            ctx.Out.WriteLine("paper (19x19, one position per game): train 0.226, held-out 0.234; all positions of each game: 0.19 / 0.37");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>sampled | one | all | from-sample.</summary>
    public static ValueMode ParseMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sampled" => ValueMode.Sampled,
        "one" => ValueMode.One,
        "all" => ValueMode.All,
        "from-sample" => ValueMode.FromSample,
        _ => throw new ArgumentException($"mode must be sampled, one, all or from-sample (got '{text}')"),
    };

    /// <summary>outcome | rollouts.</summary>
    public static ValueTarget ParseTarget(string text) => text.Trim().ToLowerInvariant() switch
    {
        "outcome" => ValueTarget.Outcome,
        "rollouts" => ValueTarget.Rollouts,
        _ => throw new ArgumentException($"targets must be outcome or rollouts (got '{text}')"),
    };
}
