using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition;
using Sente.Lee.Stages;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee sl`: supervised learning of AlphaGo's policy network from SGF game records; prints the held-out
/// accuracy history.</summary>
public static class LeeSlCommand
{
    public static Command Create(CliContext ctx)
    {
        var data = new Option<string>("--data") { Description = "An SGF file or a folder of them", DefaultValueFactory = _ => DataFolder.GnuGo9x9 };
        var size = SharedOptions.BoardSize("Board size (games of other sizes are skipped)", 9);
        var planes = new Option<int>("--planes") { Description = "Input planes: 4, 12, 20 or 48 (the paper's feature ablation)", DefaultValueFactory = _ => 48 };
        var filters = new Option<int>("--filters") { Description = "Filters per layer (AlphaGo: 192)", DefaultValueFactory = _ => 64 };
        var layers = new Option<int>("--layers") { Description = "Convolution layers (AlphaGo: 13)", DefaultValueFactory = _ => 7 };
        var steps = new Option<int>("--steps") { Description = "SGD steps in total (a rerun resumes up to this)", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Positions per step", DefaultValueFactory = _ => 64 };
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 0.05 };
        var evalEvery = new Option<int>("--eval-every") { Description = "Steps between held-out evaluations and checkpoints", DefaultValueFactory = _ => 250 };
        var evalPositions = new Option<int>("--eval-positions") { Description = "Held-out positions per evaluation (the same ones each time; more than there are: all)", DefaultValueFactory = _ => 2000 };
        var threads = SharedOptions.Threads("Torch intra-op threads (0: default)");
        var lrDrops = new Option<string?>("--lr-drop") { Description = "Steps at which the learning rate is divided by 10, comma-separated (e.g. 6000,9000)" };
        var runDir = new Option<string?>("--run-dir") { Description = "Run directory (default runs/lee<size>/sl-<planes>)" };
        var seed = SharedOptions.Seed("Seed (split, sampling, initialisation)");
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
                    Threads: parse.GetValue(threads), Seed: parse.GetValue(seed), LrDrops: CommaList.PositiveLongs(parse.GetValue(lrDrops), "--lr-drop")).Validate();
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
            ProgressReporter.Run(ctx, "training", options.Steps, progress =>
                history = new SupervisedPolicy(options, positions, dir, ProgressReporter.Synchronous<(long Step, long Total, string Message)>(p =>
                    progress.Report(p.Step, $"step {p.Step}/{p.Total} {p.Message}"))).Run(cancel));
            var inv = CultureInfo.InvariantCulture;
            foreach (PolicyAccuracy a in history)
                ctx.Out.WriteLine(string.Create(inv, $"step {a.Step,6}: held-out top-1 {a.Top1:P1}, top-3 {a.Top3:P1}, top-1 averaged over 8 symmetries {(a.Top1Symmetric is { } t ? t.ToString("P1", inv) : "-")}, loss {a.Loss:0.000} ({a.Positions} positions, {a.MicrosecondsPerPosition:0} us/position)"));
            return Task.FromResult(0);
        });
        return command;
    }
}
