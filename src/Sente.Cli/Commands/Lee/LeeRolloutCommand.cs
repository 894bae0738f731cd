using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition;
using Sente.Lee.Stages;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee rollout`: supervised learning of AlphaGo's linear-softmax rollout policy; prints the held-out
/// top-1 accuracy and the time per move selection.</summary>
public static class LeeRolloutCommand
{
    public static Command Create(CliContext ctx)
    {
        var data = new Option<string>("--data") { Description = "An SGF file or a folder of them", DefaultValueFactory = _ => DataFolder.GnuGo9x9 };
        var size = SharedOptions.BoardSize("Board size", 9);
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training games", DefaultValueFactory = _ => 3 };
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 0.05 };
        var output = new Option<string?>("--out") { Description = "Weights file (default runs/lee<size>/rollout.bin)" };
        var seed = SharedOptions.Seed("Seed (split and game order)");
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
            ProgressReporter.Run(ctx, "training", e, progress =>
                history = SupervisedRollout.Train(positions, e, (float)parse.GetValue(lr), parse.GetValue(seed), path,
                    ProgressReporter.Synchronous<(int Epoch, int Game, int Games)>(p =>
                        progress.Report(p.Epoch - 1 + (double)p.Game / p.Games, $"epoch {p.Epoch}/{e}")), cancel));
            foreach (RolloutAccuracy a in history)
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {a.Epoch}: held-out top-1 {a.Top1:P1} over {a.Positions} moves, {a.MicrosecondsPerMove:0.00} us per move selection (incremental, CPU time)"));
            ctx.Out.WriteLine($"weights: {Path.GetFullPath(path)}");
            ctx.Out.WriteLine($"summary: {RolloutReport.PathBeside(path)}");
            return Task.FromResult(0);
        });
        return command;
    }
}
