namespace Sente.Search;

/// <summary>Reading the tree: root statistics, principal variations.</summary>
public sealed partial class Mcts
{
    /// <summary>The root statistics now (call when no search is running).</summary>
    public SearchResult Result()
    {
        Node root = _root;
        if (root.State != Node.Expanded)
        {
            // A search stopped by its token before its first playout has no result: that is a cancellation, not misuse.
            _cancel.ThrowIfCancellationRequested();
            throw new InvalidOperationException("Mcts.Result: the root has not been searched yet");
        }
        List<ChildStats> children = root.RootChildren(root.CleanPriors ?? root.Priors, i => root.W[i] / root.N[i]);
        return new SearchResult(Game.NumActions, children, root.Q, RootVisits, _completed, _clock.Elapsed);
    }
}
