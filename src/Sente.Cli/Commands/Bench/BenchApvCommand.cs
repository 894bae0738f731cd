using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition.Players;
using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Go;
using Sente.Gtp.Players;
using Sente.Search;
using Sente.Search.Apv;
using Spectre.Console;

namespace Sente.Cli.Commands.Bench;

/// <summary>
/// `sente bench apv`: what APV-MCTS variants do with the same time per move. Every player searches the same positions
/// (taken every few moves from games the first player's policy network plays against itself, sampling its priors),
/// each from a fresh tree, and the table reports simulations per move and where the time goes: prior (policy
/// network) evaluations, value network evaluations, and the rest (descents, rollouts, backups). This is the
/// measurement behind "equal time" comparisons of the search variants (mixed, value only, rollouts only).
/// </summary>
public static class BenchApvCommand
{
    public static Command Create(CliContext ctx)
    {
        var players = SharedOptions.Players("apv players (the apv: may be left out), e.g. " +
            "\"mixed=apv:policy=P,value=V,rollout=R,lambda=0.5,time=400;rollouts=apv:policy=P,rollout=R,lambda=1,time=400\"");
        var positions = new Option<int>("--positions") { Description = "Positions searched by each player.", DefaultValueFactory = _ => 20 };
        var every = new Option<int>("--every") { Description = "Moves between two sampled positions of a game.", DefaultValueFactory = _ => 4 };
        var komi = SharedOptions.Komi("Komi of the positions.", 7.5);
        var seed = SharedOptions.Seed("Seed of the games the positions come from and of the searches.");
        var command = new Command("apv", "APV-MCTS variants side by side on the same positions: simulations per move and time in each network.");
        foreach (Option o in new Option[] { players, positions, every, komi, seed }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            int n = parse.GetValue(positions), step = parse.GetValue(every);
            if (n < 1 || step < 1) throw new CliException("bench apv: --positions and --every must be at least 1");
            ulong s = parse.GetValue(seed);
            var specs = new List<(string Name, ApvSpec Spec)>();
            foreach (NamedPlayerSpec p in NamedPlayerSpec.ParseList(parse.GetValue(players)!, "bench apv", minimum: 1))
            {
                // The kind may be left out here: every player is apv.
                string text = p.Spec.StartsWith("apv:", StringComparison.OrdinalIgnoreCase) ? p.Spec : "apv:" + p.Spec;
                try
                {
                    var (kind, settings) = PlayerCatalog.Default.Resolve(text);
                    if (kind is not ApvPlayerKind) throw new ArgumentException($"bench apv compares apv players, not '{kind.Name}'");
                    ApvSpec spec = ApvSpec.From(settings);
                    if (spec.Limits is null) throw new ArgumentException("visits=0 does not search; give visits=N or time=MS");
                    specs.Add((p.Name, spec));
                }
                catch (ArgumentException e) { throw new CliException($"bench apv: player '{p.Name}': {e.Message}"); }
            }

            var loaded = new List<(string Name, ApvSpec Spec, CountingEvaluator Priors, CountingEvaluator? Values, IRolloutPolicy? Rollouts)>();
            int size = 0;
            foreach (var (name, spec) in specs)
            {
                try
                {
                    var (p, v, r) = spec.Load(s, size == 0 ? null : size);
                    size = p.BoardSize;
                    loaded.Add((name, spec, new CountingEvaluator(p), v is null ? null : new CountingEvaluator(v), r));
                }
                catch (ArgumentException e) { throw new CliException($"bench apv: player '{name}': {e.Message}"); }
            }

            List<GoState> roots = Positions(loaded[0].Priors, size, parse.GetValue(komi), n, step, s);
            var inv = CultureInfo.InvariantCulture;
            var table = new Table().AddColumn("player").AddColumn("limit")
                .AddColumn(new TableColumn("sims/move").RightAligned())
                .AddColumn(new TableColumn("min..max").RightAligned())
                .AddColumn(new TableColumn("ms/move").RightAligned())
                .AddColumn(new TableColumn("prior evals").RightAligned())
                .AddColumn(new TableColumn("prior ms").RightAligned())
                .AddColumn(new TableColumn("value evals").RightAligned())
                .AddColumn(new TableColumn("value ms").RightAligned())
                .AddColumn(new TableColumn("other ms").RightAligned());
            var filter = new GoPassFilter();
            foreach (var (name, spec, priors, values, rollouts) in loaded)
            {
                // Warm-up: one search, not counted (JIT, network first call).
                new ApvMcts(roots[0], priors, values, rollouts, spec.Options(s), filter).Search(new SearchLimits(Playouts: 16));
                priors.Reset();
                values?.Reset();
                long sims = 0, min = long.MaxValue, max = 0;
                double ms = 0;
                for (int i = 0; i < roots.Count; i++)
                {
                    var mcts = new ApvMcts(roots[i], priors, values, rollouts, spec.Options(s + (ulong)i), filter);
                    SearchResult r = mcts.Search(spec.Limits!);
                    sims += r.Playouts;
                    min = Math.Min(min, r.Playouts);
                    max = Math.Max(max, r.Playouts);
                    ms += r.Elapsed.TotalMilliseconds;
                }
                int k = roots.Count;
                double priorMs = priors.Elapsed.TotalMilliseconds / k, valueMs = (values?.Elapsed.TotalMilliseconds ?? 0) / k;
                table.AddRow(Markup.Escape(name), spec.TimeMs is { } t ? $"{t} ms" : $"{spec.Visits} visits",
                    ((double)sims / k).ToString("0", inv), $"{min}..{max}", (ms / k).ToString("0", inv),
                    ((double)priors.Positions / k).ToString("0.0", inv), priorMs.ToString("0.0", inv),
                    values is null ? "-" : ((double)values.Positions / k).ToString("0.0", inv), values is null ? "-" : valueMs.ToString("0.0", inv),
                    (ms / k - priorMs - valueMs).ToString("0.0", inv));
            }
            ctx.Console.Write(table);
            ctx.Out.WriteLine($"{roots.Count} positions of {size}x{size} (every {step} moves of games the first player's policy network plays against itself, seed {s}); " +
                              "each searched from a fresh tree on one thread. Per move: simulations, wall-clock ms, positions evaluated by the prior " +
                              "(policy) and value networks and the ms inside them; other = the rest (descents, rollouts, backups).");
            return 0;
        });
        return command;
    }

    /// <summary><paramref name="count"/> positions: every <paramref name="every"/> moves of seeded games in which the
    /// prior evaluator samples both colours' moves (a new game when one ends).</summary>
    private static List<GoState> Positions(IEvaluator priors, int size, double komi, int count, int every, ulong seed)
    {
        var rng = new Rng(seed);
        var list = new List<GoState>();
        var buffer = new float[size * size + 1];
        var value = new float[1];
        var legal = new List<int>();
        GoState state = new(size, komi, Rules.TrompTaylor);
        int moves = 0;
        while (list.Count < count)
        {
            if (moves % every == 0) list.Add(state.Clone());
            priors.Evaluate([state], buffer, value);
            state.LegalActions(legal);
            double u = rng.NextDouble(), acc = 0;
            int pick = legal[^1];
            foreach (int a in legal)
                if ((acc += buffer[a]) >= u) { pick = a; break; }
            ((IGameState)state).Apply(pick);
            moves++;
            if (state.IsTerminal || moves >= 3 * size * size)
            {
                state = new GoState(size, komi, Rules.TrompTaylor);
                moves = 0;
            }
        }
        return list;
    }
}
