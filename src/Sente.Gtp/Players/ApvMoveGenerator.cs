using Sente.Core.Evaluation;
using Sente.Go;
using Sente.Search;
using Sente.Search.Apv;

namespace Sente.Gtp.Players;

/// <summary>
/// Moves from AlphaGo's APV-MCTS (<see cref="ApvMcts"/>): the most visited move after <paramref name="limits"/>, or with
/// <paramref name="limits"/> null the highest-prior move (the policy network alone, no search). Resigns when the
/// largest Q of the visited root moves is below <paramref name="resignThreshold"/> (AlphaGo: -0.8; null: never).
/// <paramref name="rootFilter"/> forbids root moves (default: passes that would lose under area scoring).
/// <para>Tree reuse (with <see cref="ApvOptions.ReuseTree"/>, as AlphaGo): the tree of the last genmove is kept; when
/// the next genmove's position follows from its root by the moves played since (alternating colours, same size,
/// komi and rules, same position hash), it is advanced along them (<see cref="ApvMcts.Advance"/>) and the search
/// continues in the subtree, its random generator continuing too; a visit limit then counts the reused visits.
/// Otherwise (or after <see cref="NewGame"/>) the search starts afresh with a rollout seed derived from the options'
/// seed and the number of fresh trees so far, so a replayed GTP session gives the same moves.</para>
/// <para>Analysis (lz-analyze / kata-analyze, <see cref="IAnalyzer"/>) searches a fresh tree of its own with the same
/// networks and options until cancelled; a policy-network player (no limits) has no values to show and reports nothing.</para>
/// Not thread-safe (the GTP engine calls from one thread).
/// </summary>
public sealed class ApvMoveGenerator(string name, IEvaluator priors, IEvaluator? values, IRolloutPolicy? rollouts,
                                     SearchLimits? limits, ApvOptions options, double? resignThreshold = -0.8,
                                     IRootActionFilter? rootFilter = null, int? boardSize = null) : IMoveGenerator, IAnalyzer
{
    /// <summary>The networks' board size (any when not given).</summary>
    public bool SupportsBoardSize(int size) => boardSize is not { } n || n == size;

    private ulong _trees;
    private ApvMcts? _tree;
    private int _treeMoves;

    public string Name => name;

    /// <summary>The last search's result (null before the first move).</summary>
    public SearchResult? LastResult { get; private set; }

    /// <summary>Whether the last genmove continued a kept tree (false for a fresh search).</summary>
    public bool LastReused { get; private set; }

    public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock)
    {
        GoState root = RootPosition.Of(state, color);
        if (root.IsTerminal) return MoveReply.At(root.Size * root.Size);
        ApvMcts mcts = ReuseOrCreate(root);
        LastResult = limits is null ? mcts.PriorsOnly() : mcts.Search(limits);
        if (resignThreshold is { } t && mcts.MaxRootQ() is { } q && q < t) return MoveReply.Resignation;
        return MoveReply.At(LastResult.BestAction);
    }

    /// <inheritdoc />
    public void NewGame() => _tree = null;

    public void Analyze(GoState state, Stone color, TimeSpan interval, Action<IReadOnlyList<AnalysisInfo>> report,
                        CancellationToken cancel)
    {
        GoState root = RootPosition.Of(state, color);
        if (root.IsTerminal || limits is null) return;
        // Its own seed, so analysing between genmoves leaves the moves of a replayed GTP session unchanged.
        var mcts = new ApvMcts(root, priors, values, rollouts, options with { Seed = options.Seed ^ 0xA11A1EA5UL }, Filter(root));
        AnalysisInfo.Stream(mcts.Search, interval, report, cancel);
    }

    /// <summary>The kept tree advanced to <paramref name="root"/> when it leads there, else a new tree.</summary>
    private ApvMcts ReuseOrCreate(GoState root)
    {
        ApvMcts? tree = _tree;
        _tree = null;
        LastReused = false;
        if (tree is not null && limits is not null && options.ReuseTree && tree.RootState is GoState kept &&
            kept.Size == root.Size && kept.Komi == root.Komi && kept.Rules == root.Rules && root.Moves.Count >= _treeMoves)
        {
            bool ok = true;
            for (int i = _treeMoves; i < root.Moves.Count && ok; i++)
            {
                var (color, point) = root.Moves[i];
                var at = (GoState)tree.RootState;
                if (color != at.ToMove || !at.IsLegal(point)) ok = false;
                else tree.Advance(point);
            }
            var now = (GoState)tree.RootState;
            if (ok && !now.IsTerminal && now.PositionHash == root.PositionHash && now.ToMove == root.ToMove)
            {
                LastReused = true;
                return Keep(tree, root);
            }
        }
        var seeded = options with { Seed = options.Seed + 0x9E3779B97F4A7C15UL * ++_trees };
        return Keep(new ApvMcts(root, priors, values, rollouts, seeded, Filter(root)), root);
    }

    private IRootActionFilter Filter(GoState root) => rootFilter ?? new NoLosingPassFilter(root.Size * root.Size);

    private ApvMcts Keep(ApvMcts tree, GoState root)
    {
        _tree = tree;
        _treeMoves = root.Moves.Count;
        return tree;
    }
}
