namespace Sente.Search;

/// <summary>Reading the tree: root statistics, principal variations.</summary>
public sealed partial class Mcts
{
    /// <summary>The root statistics now (call when no search is running).</summary>
    public SearchResult Result()
    {
        Node root = _root;
        var children = new List<ChildStats>();
        if (root.State == Node.Expanded)
        {
            float[] priors = root.CleanPriors ?? root.Priors;
            for (int i = 0; i < root.Actions.Length; i++)
            {
                if (root.Excluded is { } ex && ex[i]) continue;
                int n = root.N[i];
                var pv = new List<int> { root.Actions[i] };
                if (n > 0) AppendPrincipalVariation(root.Children[i], pv);
                children.Add(new ChildStats(root.Actions[i], n, n > 0 ? root.W[i] / n : 0, priors[i], pv));
            }
            children.Sort((a, b) => a.Visits != b.Visits ? b.Visits.CompareTo(a.Visits) : b.Prior.CompareTo(a.Prior));
        }
        else
        {
            throw new InvalidOperationException("Mcts.Result: the root has not been searched yet");
        }
        return new SearchResult(Game.NumActions, children, root.Q, RootVisits, _completed, _clock.Elapsed);
    }

    private static void AppendPrincipalVariation(Node? node, List<int> pv)
    {
        while (node is { State: Node.Expanded, TotalN: > 0 })
        {
            int best = 0;
            for (int i = 1; i < node.N.Length; i++)
                if (node.N[i] > node.N[best] || (node.N[i] == node.N[best] && node.Priors[i] > node.Priors[best])) best = i;
            pv.Add(node.Actions[best]);
            node = node.Children[best];
        }
    }
}
