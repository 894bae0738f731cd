using System.CommandLine;
using Sente.Charts;
using Sente.Rl.PolicyGradient;
using Sente.Rl.Reporting;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl cartpole`: REINFORCE with a TorchSharp MLP on CartPole-v1.</summary>
internal sealed class RlCartPoleCommand : RlSubcommand
{
    private static readonly CartPoleReinforceOptions Defaults = new();
    private readonly Option<int> _seeds, _episodes, _hidden, _batch;
    private readonly Option<double> _lr;
    private readonly Option<bool> _noBaseline, _keepTraining;
    private readonly Option<string> _device =
        new("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };

    public RlCartPoleCommand() : base("cartpole", "REINFORCE with a TorchSharp MLP policy (and a learned baseline) on " +
        "CartPole-v1 with Gymnasium's dynamics; plots episode returns. Solved = 100-episode average >= 475.")
    {
        _seeds = Count("--seeds", "Train this many runs, with seeds seed, seed+1, ...", 1);
        _episodes = Count("--episodes", "Episode budget per run", Defaults.MaxEpisodes);
        _hidden = Count("--hidden", "Hidden units of the MLP", Defaults.Hidden);
        _batch = Count("--batch", "Episodes per policy update", Defaults.EpisodesPerUpdate);
        _lr = Number("--lr", "Adam learning rate of the policy", Defaults.LearningRate);
        _noBaseline = Switch("--no-baseline", "Plain REINFORCE without the learned value baseline");
        _keepTraining = Switch("--keep-training", "Use the whole budget instead of stopping when solved");
        Add(_device);
    }

    protected override int Execute(RlRun run)
    {
        string device = run.Get(_device);
        if (device is not ("cpu" or "cuda")) throw new CliException($"--device must be cpu or cuda (got '{device}')");
        var options = Defaults with
        {
            MaxEpisodes = run.Positive(_episodes),
            Hidden = run.Positive(_hidden),
            EpisodesPerUpdate = run.Positive(_batch),
            LearningRate = run.Check(_lr, x => x > 0, "positive"),
            LearnedBaseline = !run.Get(_noBaseline),
            StopWhenSolved = !run.Get(_keepTraining),
            Device = device,
        };
        int seeds = run.Positive(_seeds);
        var c = run.Console;
        var averages = new List<LineSeries>();
        int solved = 0;
        for (int i = 0; i < seeds; i++)
        {
            ulong s = run.Seed + (ulong)i;
            var result = run.Progress($"CartPole seed {s} ({options.MaxEpisodes} episodes max)", options.MaxEpisodes,
                p => CartPoleReinforce.Train(options, s, (episode, _) => p.Report(episode)));
            if (result.SolvedAtEpisode is not null) solved++;
            c.MarkupLine($"seed {s}: {(result.SolvedAtEpisode is { } e ? $"[green]solved at episode {e}[/]" : "[red]not solved[/]")}" +
                         $" after {result.EpisodeReturns.Length} episodes; best 100-episode average " +
                         (double.IsFinite(result.Best100Average) ? F(result.Best100Average, "0.0") : "n/a (fewer than 100 episodes)"));
            var greedy = CartPoleReinforce.Evaluate(result.FinalPolicy, 100, s + 1_000_000);
            c.MarkupLine($"  final policy, greedy, 100 new episodes: average return {F(greedy.Returns.Average(), "0.0")}, " +
                         $"min {F(greedy.Returns.Min(), "0")}, {greedy.Truncated} reached the 500-step limit");
            var raw = LineSeries.OverIndex("return", result.EpisodeReturns);
            var avg = LineSeries.OverIndex("100-episode average", Curves.MovingAverage(result.EpisodeReturns, 100));
            averages.Add(avg with { Label = $"seed {s}" });
            run.Lines($"cartpole-seed{s}.png", $"CartPole-v1, REINFORCE{(options.LearnedBaseline ? " with baseline" : "")}, seed {s}",
                "episode", "return", [raw, avg], yRange: (0, 520), style: Solved(ChartStyle.Curves));
            run.Columns($"cartpole-seed{s}.csv", ["episode", "return", "average_100"], [raw.X, raw.Y, avg.Y]);
        }
        run.Lines("cartpole-seeds.png", $"CartPole-v1, REINFORCE: 100-episode average return, {seeds} seed(s)", "episode",
            "100-episode average return", averages, yRange: (0, 520), style: Solved(ChartStyle.Curves));
        return run.Done($"solved {solved} of {seeds} runs (lr {F(options.LearningRate, "0.####")}, hidden {options.Hidden}, " +
                        $"batch {options.EpisodesPerUpdate}, baseline {(options.LearnedBaseline ? "yes" : "no")})");
    }

    private static ChartStyle Solved(ChartStyle style) => style with { ReferenceLines = [new ReferenceLine("solved (475)", 475)] };
}
