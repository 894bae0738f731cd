namespace Sente.Search.Apv;

/// <summary>Reading the tree: root statistics, principal variations, diagnostics.</summary>
public sealed partial class ApvMcts
{
    /// <summary>The root statistics now: allowed root moves, most visited first (ties: higher prior), with the mixed
    /// Q of each. <see cref="SearchResult.RootValue"/> is the visit-weighted mixed Q of the root's edges (0 when nothing was
    /// simulated).</summary>
    public SearchResult Result()
    {
        if (!_root.Expanded) throw new InvalidOperationException("ApvMcts.Result: the root has not been searched yet");
        ApvNode root = _root;
        double lambda = Options.Lambda;
        var children = new List<ChildStats>();
        for (int i = 0; i < root.Actions.Length; i++)
        {
            if (root.Excluded is { } ex && ex[i]) continue;
            var pv = new List<int> { root.Actions[i] };
            if (root.N[i] > 0) AppendPrincipalVariation(root.Children[i], pv);
            children.Add(new ChildStats(root.Actions[i], root.N[i], root.N[i] > 0 ? EdgeQ(root, i, 0, lambda, 0) : 0, root.Priors[i], pv));
        }
        children.Sort((a, b) => a.Visits != b.Visits ? b.Visits.CompareTo(a.Visits) : b.Prior.CompareTo(a.Prior));
        double rootValue = 0;
        if (root.TotalN > 0)
        {
            for (int i = 0; i < root.Actions.Length; i++)
                if (root.N[i] > 0) rootValue += root.N[i] * EdgeQ(root, i, 0, lambda, 0);
            rootValue /= root.TotalN;
        }
        return new SearchResult(_rootState.Game.NumActions, children, rootValue, root.TotalN, _completed, _clock.Elapsed);
    }

    /// <summary>Max over visited allowed root moves of their mixed Q (AlphaGo resigns when this is below -0.8); null
    /// when no move has visits.</summary>
    public double? MaxRootQ()
    {
        double? best = null;
        for (int i = 0; i < _root.Actions.Length; i++)
        {
            if (_root.N[i] == 0 || (_root.Excluded is { } ex && ex[i])) continue;
            double q = EdgeQ(_root, i, 0, Options.Lambda, 0);
            if (best is null || q > best) best = q;
        }
        return best;
    }

    /// <summary>Edge statistics of a root move (tests, diagnostics): N, N_v, W_v, N_r, W_r; null when the root is not
    /// expanded or the move is not an edge.</summary>
    public (int N, int Nv, double Wv, int Nr, double Wr)? RootEdge(int action)
    {
        int i = _root.Expanded ? _root.IndexOf(action) : -1;
        return i < 0 ? null : (_root.N[i], _root.Nv[i], _root.Wv[i], _root.Nr[i], _root.Wr[i]);
    }

    /// <summary>Whether the child reached by <paramref name="action"/> from the root has been expanded.</summary>
    public bool IsRootChildExpanded(int action)
    {
        int i = _root.Expanded ? _root.IndexOf(action) : -1;
        return i >= 0 && _root.Children[i] is { Expanded: true };
    }

    /// <summary>Pending simulations left anywhere in the tree (0 whenever no search is running).</summary>
    internal long VirtualLossResidue()
    {
        long total = 0;
        var stack = new Stack<ApvNode>();
        stack.Push(_root);
        while (stack.Count > 0)
        {
            ApvNode n = stack.Pop();
            total += Math.Abs(n.TotalPending);
            foreach (int p in n.Pending) total += Math.Abs(p);
            foreach (ApvNode? c in n.Children) if (c is not null) stack.Push(c);
        }
        return total;
    }

    private static void AppendPrincipalVariation(ApvNode? node, List<int> pv)
    {
        while (node is { Expanded: true, TotalN: > 0 })
        {
            int best = 0;
            for (int i = 1; i < node.N.Length; i++)
                if (node.N[i] > node.N[best] || (node.N[i] == node.N[best] && node.Priors[i] > node.Priors[best])) best = i;
            pv.Add(node.Actions[best]);
            node = node.Children[best];
        }
    }
}
