namespace Sente.Search;

/// <summary>
/// A search-tree node. Edge statistics live in the parent, in arrays indexed like <see cref="Actions"/>; children
/// are created on first visit. <see cref="W"/> sums values from the point of view of the player to move at this
/// node (the one choosing among the edges). All fields are guarded by lock(this) once the tree is shared.
/// </summary>
internal sealed class Node
{
    public const int New = 0, Pending = 1, Expanded = 2;

    /// <summary><see cref="New"/>, <see cref="Pending"/> (a playout is evaluating it) or <see cref="Expanded"/>.</summary>
    public int State;

    public int[] Actions = [];
    public float[] Priors = [];
    /// <summary>The evaluator's priors when <see cref="Priors"/> carry root noise; null otherwise.</summary>
    public float[]? CleanPriors;
    /// <summary>Root only: actions an <see cref="IRootActionFilter"/> forbids.</summary>
    public bool[]? Excluded;
    public Node?[] Children = [];
    public int[] N = [];
    public double[] W = [];
    /// <summary>Pending playouts through each edge (virtual loss count).</summary>
    public int[] Vl = [];

    /// <summary>Sum of <see cref="N"/>, of <see cref="W"/> and of <see cref="Vl"/>.</summary>
    public int TotalN;
    public double TotalW;
    public int TotalVl;

    /// <summary>The evaluator's value for the player to move here.</summary>
    public float Value;

    /// <summary>Mean value for the player to move here: the evaluation and every backed-up playout.</summary>
    public double Q => State == Expanded ? (Value + TotalW) / (1 + TotalN) : 0;

    public int IndexOf(int action) => Array.IndexOf(Actions, action);

    /// <summary>Creates the edges with the evaluator's priors (normalised over the legal actions) and value. The
    /// edges are stored in an order shuffled by <paramref name="tieBreakSeed"/>: selection takes the first of equal
    /// scores, so edges with equal priors, visits and values are tried in a random order rather than by action
    /// number (which would make a uniform-prior UCT player explore the board row by row).</summary>
    public void Expand(List<int> legal, ReadOnlySpan<float> priors, float value, ulong tieBreakSeed)
    {
        int n = legal.Count;
        Actions = legal.ToArray();
        ulong z = tieBreakSeed;
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
        Children = new Node?[n];
        N = new int[n];
        W = new double[n];
        Vl = new int[n];
        Value = Math.Clamp(float.IsFinite(value) ? value : 0f, -1f, 1f);
        State = Expanded;
    }
}
