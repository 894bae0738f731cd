namespace Sente.Search;

/// <summary>
/// A node of <see cref="Mcts"/>'s tree: the shared edges of <see cref="TreeNode{TNode}"/> plus the value sums
/// <see cref="W"/> (from the point of view of the player to move at this node) and the evaluator's value. Children
/// are created on first visit. All fields are guarded by lock(this) once the tree is shared.
/// </summary>
internal sealed class Node : TreeNode<Node>
{
    public const int New = 0, Evaluating = 1, Expanded = 2;

    /// <summary><see cref="New"/>, <see cref="Evaluating"/> (a playout is evaluating it) or <see cref="Expanded"/>.</summary>
    public int State;

    /// <summary>The evaluator's priors when <see cref="TreeNode{TNode}.Priors"/> carry root noise; null otherwise.</summary>
    public float[]? CleanPriors;
    /// <summary>Sum of the backed-up values through each edge.</summary>
    public double[] W = [];
    /// <summary>Sum of <see cref="W"/>.</summary>
    public double TotalW;

    /// <summary>The evaluator's value for the player to move here.</summary>
    public float Value;

    public override bool IsExpanded => State == Expanded;

    /// <summary>Mean value for the player to move here: the evaluation and every backed-up playout.</summary>
    public double Q => State == Expanded ? (Value + TotalW) / (1 + TotalN) : 0;

    /// <summary>Creates the edges with the evaluator's priors and value (clamped to [-1, 1]; 0 when not finite), in
    /// an order shuffled by <paramref name="tieBreakSeed"/> (a uniform-prior UCT player would otherwise explore the
    /// board row by row).</summary>
    public void Expand(List<int> legal, ReadOnlySpan<float> priors, float value, ulong tieBreakSeed)
    {
        CreateEdges(legal, priors, tieBreakSeed);
        W = new double[legal.Count];
        Value = Math.Clamp(float.IsFinite(value) ? value : 0f, -1f, 1f);
        State = Expanded;
    }
}
