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
        List<ChildStats> children = root.RootChildren(root.Priors, i => EdgeQ(root, i, 0, lambda, 0));
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
    internal long VirtualLossResidue() => ApvNode.PendingResidue(_root);
}
