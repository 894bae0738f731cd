namespace Sente.Search.Apv;

/// <summary>
/// A node of <see cref="ApvMcts"/>'s tree: the shared edges of <see cref="TreeNode{TNode}"/> (P, N and the pending
/// count used for virtual loss) plus the paper's N_v, N_r, W_v, W_r. W sums are from the point of view of the player to
/// move at this node (the one choosing among the edges). Children are created on first traversal; edges exist only once
/// the node is expanded. Used by the search's thread only, except that with <see cref="ApvOptions.AsyncValues"/> the
/// <see cref="AsyncValueQueue"/>'s worker writes <see cref="Value"/> and then <see cref="HasValue"/>.
/// </summary>
internal sealed class ApvNode : TreeNode<ApvNode>
{
    /// <summary>Edges created (priors known).</summary>
    public bool Expanded;
    /// <summary>A prior evaluation for this node is in the current batch.</summary>
    public bool ExpansionQueued;
    /// <summary><see cref="Value"/> holds the value evaluator's output (evaluated once per node, as in the paper).
    /// Volatile: the asynchronous worker sets it after <see cref="Value"/>.</summary>
    public volatile bool HasValue;
    /// <summary>The node waits in the <see cref="AsyncValueQueue"/> for its value.</summary>
    public bool ValueQueued;
    /// <summary>The value evaluator's v(s) for the player to move here.</summary>
    public float Value;

    public int[] Nv = [], Nr = [];
    public double[] Wv = [], Wr = [];

    public override bool IsExpanded => Expanded;

    /// <summary>Stores the value evaluator's output (clamped to [-1, 1]; 0 when not finite), then sets
    /// <see cref="HasValue"/>, so a thread that sees the flag sees the value.</summary>
    public void SetValue(float v)
    {
        Value = Math.Clamp(float.IsFinite(v) ? v : 0f, -1f, 1f);
        HasValue = true;
    }

    /// <summary>Creates the edges for <paramref name="legal"/> (in that order) with priors renormalised over them
    /// (uniform when the evaluator gave them no mass).</summary>
    public void Expand(List<int> legal, ReadOnlySpan<float> priors)
    {
        CreateEdges(legal, priors, shuffleSeed: null);
        int n = legal.Count;
        Nv = new int[n];
        Nr = new int[n];
        Wv = new double[n];
        Wr = new double[n];
        Expanded = true;
    }
}
