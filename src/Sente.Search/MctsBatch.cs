using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search;

/// <summary>
/// Searches many trees (one per game) in lockstep on the calling thread so that every round sends the leaves of
/// all games to ONE evaluator call: the batching that makes network evaluation efficient in self-play.
/// </summary>
public static class MctsBatch
{
    /// <summary>Searches every tree until its limits are reached and returns the results in order.</summary>
    /// <param name="trees">Distinct trees of the same game (their own evaluators are not used).</param>
    /// <param name="evaluator">Evaluates each round's leaves in one call.</param>
    /// <param name="limits">Limits applied to each tree.</param>
    /// <param name="leavesPerTree">Leaves each tree contributes per round (virtual loss separates them).</param>
    public static SearchResult[] Search(IReadOnlyList<Mcts> trees, IEvaluator evaluator, SearchLimits limits,
                                        int leavesPerTree = 1, CancellationToken cancel = default)
    {
        if (leavesPerTree < 1) throw new ArgumentOutOfRangeException(nameof(leavesPerTree), leavesPerTree, "must be >= 1");
        if (trees.Count == 0) return [];
        int numActions = trees[0].Game.NumActions;
        var done = new bool[trees.Count];
        var slots = new List<Mcts.Slot>();
        var states = new List<IGameState>();
        var priors = new float[trees.Count * leavesPerTree * numActions];
        var values = new float[trees.Count * leavesPerTree];
        int begun = 0;
        try
        {
            for (; begun < trees.Count; begun++) trees[begun].BeginSearch(limits, cancel);
            int remaining = trees.Count;
            while (remaining > 0)
            {
                slots.Clear();
                for (int t = 0; t < trees.Count; t++)
                {
                    if (done[t]) continue;
                    int before = slots.Count;
                    Mcts.CollectStatus status = trees[t].Collect(leavesPerTree, slots);
                    if (status == Mcts.CollectStatus.Exhausted && slots.Count == before)
                    {
                        done[t] = true;
                        remaining--;
                    }
                }
                if (slots.Count == 0) continue;
                Mcts.EvaluateAndComplete(evaluator, slots, states, priors, values, numActions);
            }
        }
        finally
        {
            for (int t = 0; t < begun; t++) trees[t].EndSearch();
        }
        return trees.Select(t => t.Result()).ToArray();
    }
}
