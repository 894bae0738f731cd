using System.CommandLine;
using System.Globalization;
using Sente.Gtp.Match;
using Sente.Nn.Checkpoints;
using Sente.Lee.Stages;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee rl`: AlphaGo's RL policy network by REINFORCE from an SL policy checkpoint
/// (<see cref="ReinforcePolicy"/>); prints the win-rate history against the SL policy.</summary>
public static class LeeRlCommand
{
    public static Command Create(CliContext ctx)
    {
        var sl = new Option<string>("--sl") { Description = "SL policy checkpoint (from `sente lee sl`): the start and the first pool member", Required = true };
        var runDir = new Option<string?>("--run-dir") { Description = "Run directory (default runs/lee<size>/rl); a rerun resumes it" };
        var iterations = new Option<int>("--iterations") { Description = "Iterations in total (one minibatch of games and one update each)", DefaultValueFactory = _ => 200 };
        var games = SharedOptions.Games("n: games per iteration (the policy plays Black in half)", 16);
        var poolEvery = new Option<int>("--pool-every") { Description = "K: the current policy joins the opponent pool every K iterations (paper: 500)", DefaultValueFactory = _ => 20 };
        var lr = new Option<double>("--lr") { Description = "SGD learning rate (the gradient sums over each game's moves)", DefaultValueFactory = _ => 0.003 };
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum (0: plain SGD, as the paper)", DefaultValueFactory = _ => 0.0 };
        var baseline = new Option<string>("--baseline") { Description = "none, or an AlphaGo value network checkpoint (b = v(s))", DefaultValueFactory = _ => "none" };
        var evalEvery = new Option<int>("--eval-every") { Description = "Iterations between evaluations against the SL policy", DefaultValueFactory = _ => 50 };
        var evalGames = new Option<int>("--eval-games") { Description = "Games per evaluation (both policies sample their moves, no search)", DefaultValueFactory = _ => 100 };
        var komi = SharedOptions.Komi("Komi", 7.5);
        var temperature = new Option<double>("--temperature") { Description = "Softmax temperature of the games", DefaultValueFactory = _ => 1.0 };
        var maxMoves = new Option<int>("--max-moves") { Description = "Move cap per game, then the game is scored (0: 3*N*N)", DefaultValueFactory = _ => 0 };
        var seed = SharedOptions.Seed("Seed");
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var threads = SharedOptions.Threads("libtorch threads (0: all cores)");
        var command = new Command("rl", "AlphaGo's RL policy network: REINFORCE by games against a pool of earlier policies, starting from the SL policy; reports the win rate against the SL policy.");
        foreach (Option o in new Option[] { sl, runDir, iterations, games, poolEvery, lr, momentum, baseline, evalEvery, evalGames, komi, temperature, maxMoves, seed, device, threads })
            command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            string slPath = parse.GetValue(sl)!;
            string? valuePath = parse.GetValue(baseline) is "none" or null ? null : parse.GetValue(baseline);
            ReinforcePolicyOptions options;
            int size;
            try
            {
                options = new ReinforcePolicyOptions(parse.GetValue(iterations), parse.GetValue(games), parse.GetValue(poolEvery),
                    parse.GetValue(lr), parse.GetValue(momentum), parse.GetValue(temperature), parse.GetValue(komi),
                    parse.GetValue(evalEvery), parse.GetValue(evalGames), parse.GetValue(maxMoves), parse.GetValue(seed),
                    parse.GetValue(device)!, parse.GetValue(threads)).Validate();
                size = Check(slPath, valuePath);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or CheckpointException)
            {
                throw new CliException($"lee rl: {e.Message}");
            }
            string dir = parse.GetValue(runDir) ?? Path.Combine("runs", $"lee{size}", "rl");
            ctx.Out.WriteLine($"lee rl: {options.Iterations} iterations of {options.Games} games on {size}x{size}, pool every {options.PoolEvery}, " +
                              string.Create(CultureInfo.InvariantCulture, $"lr {options.LearningRate}, baseline {valuePath ?? "none"} -> {Path.GetFullPath(dir)}"));
            IReadOnlyList<RlEvaluation> history = [];
            try
            {
                ProgressReporter.Run(ctx, "rl", options.Iterations, progress =>
                    history = new ReinforcePolicy(options, slPath, dir, valuePath, ProgressReporter.Synchronous<(int Iteration, int Total, string Message)>(p =>
                        progress.Report(p.Iteration, $"iteration {p.Iteration}/{p.Total} {p.Message}"))).Run(cancel));
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or CheckpointException)
            {
                throw new CliException($"lee rl: {e.Message}");
            }
            foreach (RlEvaluation h in history)
            {
                var (low, high) = new MatchStatistics((int)Math.Round(h.WinRateVsSl * h.Games), h.Games - (int)Math.Round(h.WinRateVsSl * h.Games), 0).ScoreInterval;
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"iteration {h.Iteration,6}: win rate vs SL {h.WinRateVsSl:P1} (95% CI {low:P1}-{high:P1}) over {h.Games} games"));
            }
            ctx.Out.WriteLine($"policy: {Path.GetFullPath(Path.Combine(dir, "policy.ckpt"))}");
            return Task.FromResult(cancel.IsCancellationRequested ? 130 : 0);
        });
        return command;
    }

    /// <summary>Checks the checkpoints' kinds before any work; returns the board size.</summary>
    private static int Check(string slPath, string? valuePath)
    {
        if (!File.Exists(slPath)) throw new FileNotFoundException($"SL policy checkpoint '{slPath}' not found", slPath);
        CheckpointHeader h = Checkpoint.ReadHeader(slPath);
        if (h.Config.Kind != Sente.Nn.Models.ModelKind.AlphaGoPolicy)
            throw new InvalidDataException($"'{slPath}' holds a {h.Config.Kind} network, not an AlphaGo policy network (train one with `sente lee sl`)");
        if (valuePath is not null)
        {
            if (!File.Exists(valuePath)) throw new FileNotFoundException($"value checkpoint '{valuePath}' not found", valuePath);
            CheckpointHeader v = Checkpoint.ReadHeader(valuePath);
            if (v.Config.Kind != Sente.Nn.Models.ModelKind.AlphaGoValue || v.Config.BoardSize != h.Config.BoardSize)
                throw new InvalidDataException($"'{valuePath}' holds a {Checkpoint.Describe(v.Config)} network, not a " +
                                               $"{h.Config.BoardSize}x{h.Config.BoardSize} AlphaGo value network");
        }
        return h.Config.BoardSize;
    }
}
