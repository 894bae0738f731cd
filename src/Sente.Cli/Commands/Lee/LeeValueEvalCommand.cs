using System.CommandLine;
using System.Globalization;
using Sente.Nn.Checkpoints;
using Sente.Lee.Networks;
using Sente.Lee.Stages;
using Sente.Cli.Composition;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee value-eval`: the value network and rollouts as outcome predictors on the positions of any SGF
/// collection (<see cref="OutcomePrediction"/>).</summary>
public static class LeeValueEvalCommand
{
    public static Command Create(CliContext ctx)
    {
        var data = new Option<string>("--data") { Description = "An SGF file or a folder of them with RE (e.g. GNU Go games, tournament games)", DefaultValueFactory = _ => DataFolder.GnuGo9x9 };
        var mode = new Option<string>("--mode") { Description = "Positions per game: all, one, sampled or from-sample (as in lee value)", DefaultValueFactory = _ => "all" };
        var value = new Option<string?>("--value") { Description = "Value network checkpoint (lee value)" };
        var rollout = new Option<string?>("--rollout") { Description = "Rollout policy weights (lee rollout)" };
        var rollouts = new Option<string>("--rollouts") { Description = "Rollouts per position to average, comma-separated (each count is reported)", DefaultValueFactory = _ => "1,8,32" };
        var positions = new Option<int>("--positions") { Description = "Positions drawn at random from the games", DefaultValueFactory = _ => 2000 };
        var moves = new Option<string?>("--moves") { Description = "Only positions after FROM..TO moves of their game, e.g. 0..20 or 40..999 (default: all)" };
        var size = SharedOptions.BoardSize("Board size (games of other sizes are skipped)", 9);
        var seed = SharedOptions.Seed("Seed (positions, rollouts, network symmetries)");
        var labels = new Option<bool>("--labels") { Description = "Also score the labels stored in the games by lee value-label (VR); draws only labelled positions" };
        var command = new Command("value-eval", "Compare the value network and the mean of k rollouts as predictors of the game result on positions of recorded games (MSE, sign agreement).");
        foreach (Option o in new Option[] { data, mode, value, rollout, rollouts, positions, moves, size, seed, labels }) command.Options.Add(o);
        command.SetAction((parse, cancel) =>
        {
            string? valuePath = parse.GetValue(value), rolloutPath = parse.GetValue(rollout);
            if (valuePath is null && rolloutPath is null && !parse.GetValue(labels)) throw new CliException("lee value-eval: give --value, --rollout, --labels or several");
            ValuePositions games;
            int[] counts;
            (int, int)? range = null;
            ValueNetEvaluator? net = null;
            Sente.Search.Apv.IRolloutPolicy? policy = null;
            try
            {
                counts = CommaList.PositiveLongs(parse.GetValue(rollouts), "--rollouts").Select(k => (int)Math.Min(k, int.MaxValue)).ToArray();
                if (parse.GetValue(positions) < 1) throw new ArgumentException("--positions must be >= 1");
                if (parse.GetValue(moves) is { } text)
                {
                    string[] ends = text.Split("..");
                    if (ends.Length != 2 || !int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
                        || !int.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out int to) || to < from)
                        throw new ArgumentException($"--moves: '{text}' is not a range FROM..TO with FROM <= TO");
                    range = (from, to);
                }
                games = ValuePositions.Load(parse.GetValue(data)!, parse.GetValue(size), LeeValueCommand.ParseMode(parse.GetValue(mode)!), 0.1, parse.GetValue(seed));
                if (valuePath is not null)
                {
                    net = LeeNetworks.LoadValue(valuePath, seed: parse.GetValue(seed));
                    if (net.BoardSize != games.Size) throw new ArgumentException($"value network '{valuePath}' is for {net.BoardSize}x{net.BoardSize}, the games are {games.Size}x{games.Size}");
                }
                if (rolloutPath is not null) policy = LeeNetworks.LoadRollout(rolloutPath);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or CheckpointException)
            {
                throw new CliException($"lee value-eval: {e.Message}");
            }
            ctx.Out.WriteLine($"lee value-eval: {games.Games.Count} games ({games.SkippedGames} left out: no decisive result to score against, as label branches), " +
                              $"{games.Train.Count + games.Test.Count} positions in mode {games.Mode.ToString().ToLowerInvariant()}; drawing up to {parse.GetValue(positions)}");
            IReadOnlyList<OutcomeError> results;
            try
            {
                results = OutcomePrediction.Measure(games, net, policy, policy is null ? [] : counts,
                    parse.GetValue(positions), parse.GetValue(seed), moves: range, labels: parse.GetValue(labels));
            }
            catch (InvalidDataException e)
            {
                throw new CliException($"lee value-eval: {e.Message}");
            }
            ctx.Out.WriteLine("evaluator                  positions  MSE     sign agrees");
            foreach (OutcomeError r in results)
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Evaluator,-26} {r.Positions,9}  {r.Mse,6:0.000}  {r.SignAgreement,10:P1}"));
            ctx.Out.WriteLine("always 0 scores MSE 1.000 and 50% sign agreement; outcomes are +1/-1 for the player to move");
            return Task.FromResult(0);
        });
        return command;
    }
}
