using Sente.Core.Evaluation;
using Sente.Go;
using Sente.Search;

namespace Sente.Gtp.Players;

/// <summary>
/// Moves from Monte Carlo tree search on any evaluator (a trained network, random rollouts): the most visited move
/// after <paramref name="limits"/>, passes that would lose under area scoring filtered out, resignation when the best
/// move's value for the mover falls below <paramref name="resignThreshold"/> (null: never); <paramref name="rootFilter"/>
/// replaces the default pass rule (a pass that would end the game with a loss is never played). Also an
/// <see cref="IAnalyzer"/> for lz-analyze / kata-analyze. The tree of the last genmove is kept: when the next genmove's
/// position follows from it by the moves played since (alternating colours, same rules), their subtree is reused
/// and the visit limit counts its visits (Leela Zero's --visits); otherwise the search starts afresh.
/// Not thread-safe (the GTP engine calls from one thread).
/// </summary>
public sealed class MctsMoveGenerator(string name, IEvaluator evaluator, SearchLimits limits, MctsOptions options,
                                      double? resignThreshold = -0.95, IRootActionFilter? rootFilter = null,
                                      int? boardSize = null)
    : IMoveGenerator, IAnalyzer
{
    public string Name => name;

    /// <summary>Any size when the evaluator has none (random rollouts); the network's size otherwise.</summary>
    public bool SupportsBoardSize(int size) => boardSize is not { } n || n == size;

    public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock)
    {
        GoState root = RootPosition.Of(state, color);
        if (root.IsTerminal) return MoveReply.At(root.Size * root.Size);
        Mcts mcts = ReuseOrCreate(root);
        SearchResult r = mcts.Search(limits.Validate());
        if (resignThreshold is { } t && r.Children[0].Visits > 0 && r.BestQ < t) return MoveReply.Resignation;
        return MoveReply.At(r.BestAction);
    }

    public void Analyze(GoState state, Stone color, TimeSpan interval, Action<IReadOnlyList<AnalysisInfo>> report,
                        CancellationToken cancel)
    {
        GoState root = RootPosition.Of(state, color);
        if (root.IsTerminal) return;
        var mcts = new Mcts(root, evaluator, options, rootFilter ?? new NoLosingPassFilter(root.Size * root.Size));
        AnalysisInfo.Stream(mcts.Search, interval, report, cancel);
    }

    private Mcts? _tree;
    private int _treeMoves;

    /// <inheritdoc />
    public void NewGame() => _tree = null;

    /// <summary>The kept tree advanced to <paramref name="root"/> when it leads there, else a new tree.</summary>
    private Mcts ReuseOrCreate(GoState root)
    {
        Mcts? tree = _tree;
        _tree = null;
        if (tree is not null && options.ReuseTree && tree.RootState is GoState kept && kept.Size == root.Size &&
            kept.Komi == root.Komi && kept.Rules == root.Rules && root.Moves.Count >= _treeMoves)
        {
            bool ok = true;
            for (int i = _treeMoves; i < root.Moves.Count && ok; i++)
            {
                var (color, point) = root.Moves[i];
                if (color != ((GoState)tree.RootState).ToMove || !tree.RootState.IsLegal(point)) ok = false;
                else tree.Advance(point);
            }
            if (ok && tree.RootState.PositionHash == root.PositionHash && ((GoState)tree.RootState).ToMove == root.ToMove)
                return Keep(tree, root);
        }
        return Keep(new Mcts(root, evaluator, options, rootFilter ?? new NoLosingPassFilter(root.Size * root.Size)), root);
    }

    private Mcts Keep(Mcts tree, GoState root)
    {
        _tree = tree;
        _treeMoves = root.Moves.Count;
        return tree;
    }
}
