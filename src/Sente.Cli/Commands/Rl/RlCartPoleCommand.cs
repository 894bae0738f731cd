using System.CommandLine;
using Sente.Charts;
using Sente.Rl.PolicyGradient;
using Sente.Rl.Reporting;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl cartpole`: REINFORCE with a TorchSharp MLP on CartPole-v1.</summary>
public static class RlCartPoleCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("cartpole", "REINFORCE with a TorchSharp MLP policy (and a learned baseline) on CartPole-v1 " +
                                              "with Gymnasium's dynamics; plots episode returns. Solved = 100-episode average >= 475.");
        var seed = Seed();
        var outDir = Out("cartpole");
        var seedsOpt = Positive("--seeds", "Train this many runs, with seeds seed, seed+1, ...", 1);
        var defaults = new CartPoleReinforceOptions();
        var episodesOpt = Positive("--episodes", "Episode budget per run", defaults.MaxEpisodes);
        var hiddenOpt = Positive("--hidden", "Hidden units of the MLP", defaults.Hidden);
        var batchOpt = Positive("--batch", "Episodes per policy update", defaults.EpisodesPerUpdate);
        var lrOpt = new Option<double>("--lr") { Description = "Adam learning rate of the policy", DefaultValueFactory = _ => defaults.LearningRate };
        var noBaselineOpt = new Option<bool>("--no-baseline") { Description = "Plain REINFORCE without the learned value baseline" };
        var continueOpt = new Option<bool>("--keep-training") { Description = "Use the whole budget instead of stopping when solved" };
        var deviceOpt = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        foreach (Option o in new Option[] { seed, outDir, seedsOpt, episodesOpt, hiddenOpt, batchOpt, lrOpt, noBaselineOpt, continueOpt, deviceOpt })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            string device = parse.GetValue(deviceOpt)!;
            if (device is not ("cpu" or "cuda")) throw new CliException($"--device must be cpu or cuda (got '{device}')");
            double lr = parse.GetValue(lrOpt);
            if (!(lr > 0)) throw new CliException($"--lr must be positive (got {lr})");
            var options = defaults with
            {
                MaxEpisodes = RequirePositive(parse.GetValue(episodesOpt), "--episodes"),
                Hidden = RequirePositive(parse.GetValue(hiddenOpt), "--hidden"),
                EpisodesPerUpdate = RequirePositive(parse.GetValue(batchOpt), "--batch"),
                LearningRate = lr,
                LearnedBaseline = !parse.GetValue(noBaselineOpt),
                StopWhenSolved = !parse.GetValue(continueOpt),
                Device = device,
            };
            int seeds = RequirePositive(parse.GetValue(seedsOpt), "--seeds");
            ulong first = parse.GetValue(seed);
            string dir = PrepareOut(parse.GetValue(outDir)!);
            var runs = new List<(ulong Seed, CartPoleRun Run)>();
            for (int i = 0; i < seeds; i++)
            {
                ulong s = first + (ulong)i;
                var run = RlProgress.Run(ctx, $"CartPole seed {s} ({options.MaxEpisodes} episodes max)", options.MaxEpisodes,
                    p => CartPoleReinforce.Train(options, s, (episode, _) => p.Report(episode)));
                runs.Add((s, run));
                ctx.Console.MarkupLine($"seed {s}: {(run.SolvedAtEpisode is { } e ? $"[green]solved at episode {e}[/]" : "[red]not solved[/]")}" +
                                       $" after {run.EpisodeReturns.Length} episodes; best 100-episode average " +
                                       (double.IsFinite(run.Best100Average) ? F(run.Best100Average, "0.0") : "n/a (fewer than 100 episodes)"));
                var greedy = CartPoleReinforce.Evaluate(run.FinalPolicy, 100, s + 1_000_000);
                ctx.Console.MarkupLine($"  final policy, greedy, 100 new episodes: average return {F(greedy.Returns.Average(), "0.0")}, " +
                                       $"min {F(greedy.Returns.Min(), "0")}, {greedy.Truncated} reached the 500-step limit");
                var raw = LineSeries.OverIndex("return", run.EpisodeReturns);
                var avg = LineSeries.OverIndex("100-episode average", Curves.MovingAverage(run.EpisodeReturns, 100));
                Chart.SaveLines(Path.Combine(dir, $"cartpole-seed{s}.png"), $"CartPole-v1, REINFORCE{(options.LearnedBaseline ? " with baseline" : "")}, seed {s}",
                    "episode", "return", [raw, avg], yRange: (0, 520));
                CsvTable.WriteColumns(Path.Combine(dir, $"cartpole-seed{s}.csv"), ["episode", "return", "average_100"],
                    [raw.X, raw.Y, avg.Y]);
            }
            int solvedCount = runs.Count(r => r.Run.SolvedAtEpisode is not null);
            ctx.Console.MarkupLine($"solved {solvedCount} of {seeds} runs (lr {F(lr, "0.####")}, hidden {options.Hidden}, " +
                                   $"batch {options.EpisodesPerUpdate}, baseline {(options.LearnedBaseline ? "yes" : "no")}); wrote PNG and CSV to {Markup.Escape(dir)}");
            return 0;
        });
        return command;
    }
}
