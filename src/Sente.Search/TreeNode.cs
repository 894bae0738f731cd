namespace Sente.Search;

/// <summary>
/// What every search-tree node of <see cref="Mcts"/> (<see cref="Node"/>) and <see cref="Apv.ApvMcts"/>
/// (<see cref="Apv.ApvNode"/>) holds: its edges, in arrays indexed like <see cref="Actions"/>, with the prior, the
/// child (created on first traversal), the completed visit count and the pending count used for virtual loss. Each
/// search adds its own value sums. Value sums are from the point of view of the player to move at the node (the one
/// choosing among the edges). Thread-safety: none here; each search states who may touch its nodes when.
/// </summary>
/// <typeparam name="TNode">The concrete node type (the children's type).</typeparam>
internal abstract class TreeNode<TNode> where TNode : TreeNode<TNode>
{
    public int[] Actions = [];
    /// <summary>Prior probability of each edge, normalised over the edges (root noise included at the root).</summary>
    public float[] Priors = [];
    /// <summary>Root only: actions an <see cref="IRootActionFilter"/> forbids.</summary>
    public bool[]? Excluded;
    public TNode?[] Children = [];
    /// <summary>Completed visits (playouts, simulations) through each edge.</summary>
    public int[] N = [];
    /// <summary>Visits through each edge still awaiting their evaluation (the virtual loss count).</summary>
    public int[] Pending = [];
    /// <summary>Sum of <see cref="N"/> and of <see cref="Pending"/>.</summary>
    public int TotalN, TotalPending;

    /// <summary>Whether the edges exist.</summary>
    public abstract bool IsExpanded { get; }

    public int IndexOf(int action) => Array.IndexOf(Actions, action);

    /// <summary>Creates the edges for <paramref name="legal"/>, with <paramref name="priors"/> (NumActions entries)
    /// renormalised over them (non-finite and negative ones count as 0; uniform when the evaluator gave them no mass),
    /// and zeroed counts. With a <paramref name="shuffleSeed"/>, the edges are stored in an order shuffled by it:
    /// selection takes the first of equal scores, so edges with equal priors, visits and values are tried in a random
    /// order rather than by action number.</summary>
    protected void CreateEdges(List<int> legal, ReadOnlySpan<float> priors, ulong? shuffleSeed)
    {
        int n = legal.Count;
        Actions = legal.ToArray();
        if (shuffleSeed is { } z)
            for (int i = n - 1; i > 0; i--)
            {
                // Fisher-Yates with a SplitMix64 stream: stateless, so expansion needs no shared generator.
                z += 0x9E3779B97F4A7C15UL;
                ulong h = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
                int j = (int)((h ^ (h >> 31)) % (ulong)(i + 1));
                (Actions[i], Actions[j]) = (Actions[j], Actions[i]);
            }
        Priors = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            float p = priors[Actions[i]];
            Priors[i] = float.IsFinite(p) && p > 0 ? p : 0;
            sum += Priors[i];
        }
        for (int i = 0; i < n; i++) Priors[i] = sum > 0 ? (float)(Priors[i] / sum) : 1f / n;
        Children = new TNode?[n];
        N = new int[n];
        Pending = new int[n];
    }

    /// <summary>The edge with the most completed visits (ties: the higher prior, then the first).</summary>
    public int MostVisitedEdge()
    {
        int best = 0;
        for (int i = 1; i < N.Length; i++)
            if (N[i] > N[best] || (N[i] == N[best] && Priors[i] > Priors[best])) best = i;
        return best;
    }

    /// <summary>The root moves a search reports: the allowed edges, most visited first (ties: higher prior), each with
    /// its principal variation and <paramref name="meanQ"/>(edge) (called only for visited edges; 0 for the others).
    /// Q is for the player to move at this node.</summary>
    /// <param name="reportedPriors">Priors to report, indexed like <see cref="Actions"/> (e.g. those before root noise).</param>
    public List<ChildStats> RootChildren(float[] reportedPriors, Func<int, double> meanQ)
    {
        var children = new List<ChildStats>(Actions.Length);
        for (int i = 0; i < Actions.Length; i++)
        {
            if (Excluded is { } ex && ex[i]) continue;
            int n = N[i];
            var pv = new List<int> { Actions[i] };
            if (n > 0) AppendPrincipalVariation(Children[i], pv);
            children.Add(new ChildStats(Actions[i], n, n > 0 ? meanQ(i) : 0, reportedPriors[i], pv));
        }
        children.Sort((a, b) => a.Visits != b.Visits ? b.Visits.CompareTo(a.Visits) : b.Prior.CompareTo(a.Prior));
        return children;
    }

    /// <summary>Appends the most-visited continuation from <paramref name="node"/> while nodes are expanded and visited.</summary>
    private static void AppendPrincipalVariation(TNode? node, List<int> pv)
    {
        while (node is { IsExpanded: true, TotalN: > 0 })
        {
            int best = node.MostVisitedEdge();
            pv.Add(node.Actions[best]);
            node = node.Children[best];
        }
    }

    /// <summary>Pending counts left anywhere in the tree under <paramref name="root"/> (absolute values summed); 0
    /// whenever no search is running. Call when no search is running.</summary>
    public static long PendingResidue(TNode root)
    {
        long total = 0;
        var stack = new Stack<TNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            TNode n = stack.Pop();
            total += Math.Abs(n.TotalPending);
            foreach (int p in n.Pending) total += Math.Abs(p);
            foreach (TNode? c in n.Children) if (c is not null) stack.Push(c);
        }
        return total;
    }
}
