using System.CommandLine;
using System.Diagnostics;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Games;
using Sente.Cli.Composition;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using Sente.Search;
using Sente.Training.Zero;
using TorchSharp;
using Spectre.Console;
using Sente.Core.Encoding;

namespace Sente.Cli.Commands;

/// <summary>
/// `sente bench mcts`: MCTS playouts per second from the initial position of a small game, by evaluator, threads
/// per tree and leaves per evaluator call (or, with --games, many games searched in lockstep into one evaluator).
/// </summary>
public static class BenchMctsCommand
{
    public static Command Create(CliContext ctx)
    {
        var game = new Option<string>("--game") { Description = "tictactoe, connect4 or go (with --size)", DefaultValueFactory = _ => "connect4" };
        var size = new Option<int>("--size") { Description = "Go board size", DefaultValueFactory = _ => 9 };
        var model = new Option<string?>("--model") { Description = "network evaluator: a checkpoint from sente train (default: a fresh seeded network)" };
        var blocks = new Option<int>("--blocks") { Description = "network evaluator without --model: residual blocks", DefaultValueFactory = _ => 6 };
        var filters = new Option<int>("--filters") { Description = "network evaluator without --model: filters", DefaultValueFactory = _ => 64 };
        var threads = new Option<string>("--threads") { Description = "Threads per tree, comma-separated list", DefaultValueFactory = _ => "1,2" };
        var batch = new Option<string>("--batch") { Description = "Leaves per evaluator call (per thread, or per game with --games), comma-separated list", DefaultValueFactory = _ => "1,8,32" };
        var evaluators = new Option<string>("--evaluator") { Description = "uniform, rollout, both or network", DefaultValueFactory = _ => "both" };
        var playouts = new Option<int?>("--playouts") { Description = "Playouts per measurement (per game with --games); default 100000, 3000 with a network" };
        var games = new Option<int>("--games") { Description = "Search this many games in lockstep into one evaluator call (1: one tree)", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the rollout evaluator", DefaultValueFactory = _ => 1UL };

        var command = new Command("mcts", "MCTS playouts/s by evaluator (uniform, random rollouts, network), threads and batch size on the initial position of tictactoe, connect4 or Go.");
        foreach (Option o in new Option[] { game, size, threads, batch, evaluators, playouts, games, seed, model, blocks, filters }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            string gameName = parse.GetValue(game)!;
            if (!GameCatalog.Names.Contains(gameName))
                throw new CliException($"bench mcts: unknown game '{gameName}' (expected tictactoe, connect4 or go)");
            var binding = GameCatalog.For(ZeroOptions.DefaultsFor(gameName) with { BoardSize = parse.GetValue(size) });
            IGame g = binding.Game;
            int[] threadList = ParseList(parse.GetValue(threads)!, "--threads");
            int[] batchList = ParseList(parse.GetValue(batch)!, "--batch");
            bool network = parse.GetValue(evaluators) == "network";
            int n = parse.GetValue(playouts) ?? (network ? 3000 : 100_000);
            if (n < 1) throw new CliException($"bench mcts: --playouts must be >= 1, got {n}");
            int gameCount = parse.GetValue(games);
            if (gameCount < 1) throw new CliException($"bench mcts: --games must be >= 1, got {gameCount}");
            ulong s = parse.GetValue(seed);
            var evals = parse.GetValue(evaluators) switch
            {
                "uniform" => new[] { "uniform" },
                "rollout" => new[] { "rollout" },
                "both" => new[] { "uniform", "rollout" },
                "network" => new[] { "network" },
                var other => throw new CliException($"bench mcts: unknown evaluator '{other}' (expected uniform, rollout or both)"),
            };
            if (gameCount > 1) threadList = [1];
            IEvaluator? net = network ? NetworkEvaluator(binding, parse.GetValue(model), parse.GetValue(blocks), parse.GetValue(filters), s) : null;
            // Warm-up (JIT, tiered compilation) so the first row is not penalised.
            foreach (IEvaluator warm in net is null ? new IEvaluator[] { new UniformEvaluator(), new RandomRolloutEvaluator(s) } : [net])
                foreach (int b in new[] { 1, 8 })
                    new Mcts(g.NewInitialState(), warm, new MctsOptions { BatchSize = b, VirtualLoss = 3 })
                        .Search(new SearchLimits(Playouts: net is null ? 20_000 : 200));

            ctx.Out.WriteLine($"MCTS on the initial {g.Name} position, {n} playouts per {(gameCount > 1 ? $"game, {gameCount} games in lockstep" : "search")}, {Environment.ProcessorCount} logical cores");
            var table = new Table().AddColumn("evaluator").AddColumn("threads").AddColumn("batch")
                .AddColumn(new TableColumn("playouts").RightAligned()).AddColumn(new TableColumn("seconds").RightAligned())
                .AddColumn(new TableColumn("playouts/s").RightAligned()).AddColumn(new TableColumn("leaves/call").RightAligned());
            foreach (string e in evals)
                foreach (int t in threadList)
                    foreach (int b in batchList)
                    {
                        var counting = new CountingEvaluator(e == "uniform" ? new UniformEvaluator() : e == "network" ? net! : new RandomRolloutEvaluator(s));
                        var options = new MctsOptions { Threads = t, BatchSize = b, VirtualLoss = t * b > 1 ? 3 : 1 };
                        var sw = Stopwatch.StartNew();
                        long done;
                        if (gameCount == 1)
                            done = new Mcts(g.NewInitialState(), counting, options).Search(new SearchLimits(Playouts: n)).Playouts;
                        else
                        {
                            var trees = Enumerable.Range(0, gameCount).Select(_ => new Mcts(g.NewInitialState(), counting, options)).ToArray();
                            done = MctsBatch.Search(trees, counting, new SearchLimits(Playouts: n), b).Sum(r => (long)r.Playouts);
                        }
                        double sec = sw.Elapsed.TotalSeconds;
                        table.AddRow(e, t.ToString(), b.ToString(), done.ToString(), sec.ToString("F2"),
                                     (done / sec).ToString("N0"), counting.Calls == 0 ? "-" : ((double)counting.States / counting.Calls).ToString("F1"));
                    }
            ctx.Console.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>A network evaluator for the bench: a checkpoint, or a fresh network seeded with <paramref name="seed"/>.</summary>
    private static IEvaluator NetworkEvaluator(ZeroGameBinding binding, string? model, int blocks, int filters, ulong seed)
    {
        TorchRuntime.InitializeProcess();
        PolicyValueNet net;
        if (model is not null)
        {
            try { net = Checkpoint.Load(model).Model as PolicyValueNet ?? throw new CheckpointException($"{model}: not a policy-value (Zero) network"); }
            catch (CheckpointException e) { throw new CliException(e.Message, ErrorPolicy.BadInput); }
        }
        else
        {
            torch.random.manual_seed((long)(seed & 0x7fffffff));
            net = ModelFactory.CreatePolicyValue(ZeroRun.ModelFor(binding, new TrunkConfig(Blocks: blocks, Width: filters)));
        }
        try { return new TorchEvaluator(net, binding.Encoder, new TorchEvaluatorOptions(Symmetry: SymmetryMode.None)); }
        catch (ArgumentException e) when (model is not null)
        {
            throw new CliException($"bench mcts: {model}: {e.Message}: the bench feeds the game's Zero inputs " +
                                   "(a Leela Zero import takes 18 planes and is for `sente gtp`)", ErrorPolicy.BadInput);
        }
    }

    private static int[] ParseList(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], out values[i]) || values[i] < 1 || values[i] > 1024)
                throw new CliException($"bench mcts: {option} expects comma-separated integers in 1..1024, got '{text}'");
        if (values.Length == 0) throw new CliException($"bench mcts: {option} is empty");
        return values;
    }

    /// <summary>Counts evaluator calls and states (thread-safe) to report the achieved batch size.</summary>
    private sealed class CountingEvaluator(IEvaluator inner) : IEvaluator
    {
        private long _calls, _states;
        public long Calls => Interlocked.Read(ref _calls);
        public long States => Interlocked.Read(ref _states);

        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _states, states.Count);
            inner.Evaluate(states, priors, values);
        }
    }
}
