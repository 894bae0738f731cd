using System.CommandLine;
using System.Security.Cryptography;
using Sente.Core.Evaluation;
using Sente.Nn.Checkpoints;
using Sente.Lee.Networks;
using Sente.Lee.Stages;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee value-label`: rollout labels (VR, the mean of k rollouts) on positions of any SGF games, the
/// targets of `lee value --targets rollouts` (<see cref="RolloutLabels"/>).</summary>
public static class LeeValueLabelCommand
{
    public static Command Create(CliContext ctx)
    {
        var data = new Option<string>("--data") { Description = "An SGF file or a folder of them (any games; results are not needed)", Required = true };
        var rollout = new Option<string>("--rollout") { Description = "Rollout policy weights (lee rollout)", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder of labels-FIRST-END.sgf chunks (a rerun keeps the chunks present)", Required = true };
        var rollouts = new Option<int>("--rollouts") { Description = "Rollouts averaged per position", DefaultValueFactory = _ => 32 };
        var perGame = new Option<int>("--per-game") { Description = "Positions labelled per game, at random (0: every position)", DefaultValueFactory = _ => 0 };
        var fromMove = new Option<int>("--from-move") { Description = "First position labelled: after this many moves (>= 1)", DefaultValueFactory = _ => 1 };
        var chunk = new Option<int>("--chunk") { Description = "Games per output file", DefaultValueFactory = _ => 256 };
        var threads = SharedOptions.Threads("Games labelled in parallel (0: one per core); labels do not depend on it");
        var size = SharedOptions.BoardSize("Board size (games of other sizes are skipped)", 9);
        var seed = SharedOptions.Seed("Seed (positions drawn, rollouts)");
        var branches = new Option<int>("--branches") { Description = "Side positions per labelled position, reached by 1..--branch-depth rollout-policy moves and labelled too (the positions a search visits off the line)", DefaultValueFactory = _ => 0 };
        var branchDepth = new Option<int>("--branch-depth") { Description = "Most moves of a branch", DefaultValueFactory = _ => 4 };
        var search = new Option<int>("--search") { Description = "Label with the root value of a rollouts-only search of this many simulations instead of the mean of --rollouts rollouts (0: no search)", DefaultValueFactory = _ => 0 };
        var searchPolicy = new Option<string?>("--search-policy") { Description = "Priors of the --search: a policy network (lee sl); default: the rollout policy's own softmax (microseconds per node)" };
        var command = new Command("value-label", "Label positions of SGF games with the mean result of k rollouts (VR), value targets for `lee value --targets rollouts`.");
        foreach (Option o in new Option[] { data, rollout, output, rollouts, perGame, fromMove, chunk, threads, size, seed, branches, branchDepth, search, searchPolicy }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            RolloutLabelOptions options;
            LinearRolloutPolicy policy;
            IEvaluator? priors = null;
            string? priorsPath = parse.GetValue(searchPolicy);
            try
            {
                options = new RolloutLabelOptions(parse.GetValue(size), parse.GetValue(rollouts), parse.GetValue(perGame), parse.GetValue(fromMove),
                    parse.GetValue(chunk), parse.GetValue(seed), parse.GetValue(threads))
                {
                    Branches = parse.GetValue(branches), BranchDepth = parse.GetValue(branchDepth), Search = parse.GetValue(search),
                }.Validate();
                if (priorsPath is not null && options.Search == 0) throw new ArgumentException("--search-policy needs --search N (N > 0)");
                policy = LeeNetworks.LoadRollout(parse.GetValue(rollout)!);
                if (priorsPath is not null) priors = LeeNetworks.LoadPolicy(priorsPath);
                else if (options.Search > 0) priors = new RolloutPriorEvaluator(policy.Policy);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or CheckpointException)
            {
                throw new CliException($"lee value-label: {e.Message}");
            }
            string dir = parse.GetValue(output)!;
            ctx.Out.WriteLine("lee value-label: " + (options.Search > 0
                                  ? $"root value of a rollouts-only search of {options.Search} simulations (priors: {priorsPath ?? "the rollout policy"}) per position, "
                                  : $"{options.Rollouts} rollouts per position, ") +
                              (options.PerGame > 0 ? $"{options.PerGame} positions per game" : "every position") + $" from move {options.FromMove}" +
                              (options.Branches > 0 ? $", {options.Branches} branch(es) of 1-{options.BranchDepth} moves each" : "") + $" -> {Path.GetFullPath(dir)}");
            RolloutLabelSummary summary = null!;
            try
            {
                ProgressReporter.Run(ctx, "games", null, progress =>
                    summary = RolloutLabels.Run(parse.GetValue(data)!, dir, policy, options, ProgressReporter.Synchronous<(int Done, int Total)>(p =>
                    {
                        progress.SetTotal(p.Total);
                        progress.Report(p.Done, $"games {p.Done}/{p.Total}");
                    }), cancel, priors, Sources(parse.GetValue(rollout)!, options.Search > 0 ? priorsPath ?? "" : null)));
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException)
            {
                throw new CliException($"lee value-label: {e.Message}");
            }
            ctx.Out.WriteLine($"labelled {summary.PositionsLabelled} positions of {summary.GamesLabelled} games in {summary.ChunksWritten} new file(s) " +
                              $"({summary.ChunksKept} file(s) already there; {summary.Games} games in the input). " +
                              $"Train with: sente lee value --data {dir} --mode all --targets rollouts");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The label folder's sources: the rollout weights and, for a search ("" = the rollout policy's priors),
    /// the search's policy network, by content hash (a moved or renamed file is the same source).</summary>
    private static Dictionary<string, string> Sources(string rolloutPath, string? searchPolicy)
    {
        static string Hash(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..16];
        var sources = new Dictionary<string, string> { ["rollout"] = Hash(rolloutPath) };
        if (searchPolicy is not null) sources["search-policy"] = searchPolicy.Length == 0 ? "rollout policy" : Hash(searchPolicy);
        return sources;
    }
}
