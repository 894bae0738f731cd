using Sente.Core;

namespace Sente.Search;

/// <summary>Statistics of one root move after a search. Q is for the player to move at the root, in [-1, 1]
/// (0 when the move has no visits); Prior is the evaluator's prior (before root noise).</summary>
/// <param name="PrincipalVariation">This move followed by the most-visited continuation in the tree.</param>
public sealed record ChildStats(int Action, int Visits, double Q, double Prior, IReadOnlyList<int> PrincipalVariation);

/// <summary>
/// What a search returns: the root visit distribution (AlphaGo Zero's training target pi), the best move, per-move
/// statistics (for lz-analyze style output) and counters. Immutable.
/// </summary>
public sealed class SearchResult
{
    internal SearchResult(int numActions, IReadOnlyList<ChildStats> children, double rootValue, int rootVisits,
                          int playouts, TimeSpan elapsed)
    {
        Children = children;
        RootValue = rootValue;
        RootVisits = rootVisits;
        Playouts = playouts;
        Elapsed = elapsed;
        var pi = new float[numActions];
        long sum = children.Sum(c => (long)c.Visits);
        foreach (ChildStats c in children) pi[c.Action] = sum > 0 ? (float)((double)c.Visits / sum) : (float)c.Prior;
        if (sum == 0)
        {
            float total = pi.Sum();
            for (int i = 0; i < pi.Length; i++) pi[i] = total > 0 ? pi[i] / total : 0;
        }
        Policy = pi;
    }

    /// <summary>Root moves the search may play, most visited first (ties: higher prior first).</summary>
    public IReadOnlyList<ChildStats> Children { get; }

    /// <summary>pi: NumActions probabilities proportional to root visit counts (priors when nothing was visited).</summary>
    public IReadOnlyList<float> Policy { get; }

    /// <summary>The most visited move.</summary>
    public int BestAction => Children[0].Action;

    /// <summary>The principal variation: the best move and its most visited continuation.</summary>
    public IReadOnlyList<int> PrincipalVariation => Children[0].PrincipalVariation;

    /// <summary>Mean value of the root for its player to move (evaluation and all playouts), in [-1, 1].</summary>
    public double RootValue { get; }

    /// <summary>Q of the best move for the player to move (the resignation signal).</summary>
    public double BestQ => Children[0].Visits > 0 ? Children[0].Q : RootValue;

    /// <summary>Visits of the root (reused subtree included).</summary>
    public int RootVisits { get; }

    /// <summary>New playouts of this search call.</summary>
    public int Playouts { get; }

    /// <summary>Wall-clock time of the search call.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Samples a move with probability proportional to visits^(1/temperature); temperature &lt;= 1e-3 (or no
    /// visits) gives <see cref="BestAction"/>.</summary>
    public int SampleAction(double temperature, Rng rng)
    {
        if (temperature <= 1e-3 || Children[0].Visits == 0) return BestAction;
        double inv = 1.0 / temperature, top = Children[0].Visits, sum = 0;
        Span<double> w = Children.Count <= 512 ? stackalloc double[Children.Count] : new double[Children.Count];
        for (int i = 0; i < w.Length; i++) sum += w[i] = Math.Pow(Children[i].Visits / top, inv);
        double r = rng.NextDouble() * sum;
        for (int i = 0; i < w.Length; i++)
            if ((r -= w[i]) < 0) return Children[i].Action;
        return BestAction;
    }
}

/// <summary>AlphaGo Zero's temperature schedule: <see cref="Early"/> for the first <see cref="Moves"/> moves of a game,
/// then <see cref="Late"/> (~0: the most visited move).</summary>
public sealed record TemperatureSchedule(int Moves = 30, double Early = 1.0, double Late = 0.0)
{
    /// <summary>The temperature for the move with 0-based number <paramref name="moveNumber"/>.</summary>
    public double At(int moveNumber) => moveNumber < Moves ? Early : Late;
}
