namespace Sente.Rl.Mdp;

/// <summary>Result of iterative policy evaluation.</summary>
/// <param name="Values">v_pi per state (0 at terminal states).</param>
/// <param name="Sweeps">Full sweeps over the states until the largest change fell below theta.</param>
public sealed record Evaluation(double[] Values, int Sweeps);

/// <summary>Result of policy or value iteration.</summary>
/// <param name="Values">v* (or v_pi of the final policy).</param>
/// <param name="Policy">A deterministic optimal policy: action per state (0 at terminal states).</param>
/// <param name="Iterations">Policy-improvement steps (policy iteration) or sweeps (value iteration).</param>
public sealed record OptimalSolution(double[] Values, int[] Policy, int Iterations);

/// <summary>
/// Dynamic programming on a known <see cref="TabularMdp"/> (Sutton and Barto ch. 4). Policies are stochastic
/// tables pi[s, a] (rows sum to 1). Stateless; thread-safe.
/// </summary>
public static class DynamicProgramming
{
    /// <summary>Iterative policy evaluation. Two-array sweeps compute every new value from the previous sweep's
    /// values; in-place sweeps use new values as soon as they are computed (usually converging in fewer sweeps).
    /// Stops when a sweep changes no value by more than <paramref name="theta"/>.</summary>
    public static Evaluation EvaluatePolicy(TabularMdp mdp, double[,] pi, double theta = 1e-6, bool inPlace = false,
                                            int maxSweeps = 100_000)
    {
        CheckPolicy(mdp, pi);
        var v = new double[mdp.NumStates];
        var next = inPlace ? v : new double[mdp.NumStates];
        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            double delta = 0;
            for (int s = 0; s < mdp.NumStates; s++)
            {
                if (mdp.IsTerminal(s)) { next[s] = 0; continue; }
                double value = 0;
                for (int a = 0; a < mdp.NumActions; a++)
                    if (pi[s, a] != 0) value += pi[s, a] * mdp.ActionValue(s, a, v);
                delta = Math.Max(delta, Math.Abs(value - v[s]));
                next[s] = value;
            }
            if (!inPlace) Array.Copy(next, v, v.Length);
            if (delta < theta) return new Evaluation(v, sweep);
        }
        throw new InvalidOperationException($"policy evaluation did not converge in {maxSweeps} sweeps (is the policy proper?)");
    }

    /// <summary>q(s, a) = sum p(s', r | s, a) [r + gamma v(s')] for every state and action (0 at terminal states).</summary>
    public static double[,] ActionValues(TabularMdp mdp, ReadOnlySpan<double> v)
    {
        var q = new double[mdp.NumStates, mdp.NumActions];
        for (int s = 0; s < mdp.NumStates; s++)
            if (!mdp.IsTerminal(s))
                for (int a = 0; a < mdp.NumActions; a++) q[s, a] = mdp.ActionValue(s, a, v);
        return q;
    }

    /// <summary>The greedy action per state with respect to <paramref name="v"/> (lowest index on ties).</summary>
    public static int[] GreedyPolicy(TabularMdp mdp, ReadOnlySpan<double> v)
    {
        var policy = new int[mdp.NumStates];
        for (int s = 0; s < mdp.NumStates; s++)
        {
            if (mdp.IsTerminal(s)) continue;
            double best = double.NegativeInfinity;
            for (int a = 0; a < mdp.NumActions; a++)
            {
                double q = mdp.ActionValue(s, a, v);
                if (q > best + 1e-12) { best = q; policy[s] = a; }
            }
        }
        return policy;
    }

    /// <summary>Policy iteration: evaluate, improve greedily, until the policy is stable. Starts from the
    /// equiprobable policy (a proper policy for episodic tasks like the gridworld).</summary>
    public static OptimalSolution PolicyIteration(TabularMdp mdp, double theta = 1e-8, int maxIterations = 1000)
    {
        double[,] pi = mdp.UniformPolicy();
        int[]? policy = null;
        for (int it = 1; it <= maxIterations; it++)
        {
            double[] v = EvaluatePolicy(mdp, pi, theta, inPlace: true).Values;
            int[] improved = GreedyPolicy(mdp, v);
            if (policy is not null && improved.AsSpan().SequenceEqual(policy)) return new OptimalSolution(v, policy, it);
            policy = improved;
            pi = Deterministic(mdp, policy);
        }
        throw new InvalidOperationException($"policy iteration did not stabilise in {maxIterations} iterations");
    }

    /// <summary>Value iteration (in-place Bellman optimality sweeps) until the largest change is below theta;
    /// returns v* and a greedy policy.</summary>
    public static OptimalSolution ValueIteration(TabularMdp mdp, double theta = 1e-8, int maxSweeps = 100_000)
    {
        var v = new double[mdp.NumStates];
        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            double delta = 0;
            for (int s = 0; s < mdp.NumStates; s++)
            {
                if (mdp.IsTerminal(s)) continue;
                double best = double.NegativeInfinity;
                for (int a = 0; a < mdp.NumActions; a++) best = Math.Max(best, mdp.ActionValue(s, a, v));
                delta = Math.Max(delta, Math.Abs(best - v[s]));
                v[s] = best;
            }
            if (delta < theta) return new OptimalSolution(v, GreedyPolicy(mdp, v), sweep);
        }
        throw new InvalidOperationException($"value iteration did not converge in {maxSweeps} sweeps");
    }

    /// <summary>The table form of a deterministic policy.</summary>
    public static double[,] Deterministic(TabularMdp mdp, int[] policy)
    {
        var pi = new double[mdp.NumStates, mdp.NumActions];
        for (int s = 0; s < mdp.NumStates; s++) pi[s, policy[s]] = 1;
        return pi;
    }

    private static void CheckPolicy(TabularMdp mdp, double[,] pi)
    {
        if (pi.GetLength(0) != mdp.NumStates || pi.GetLength(1) != mdp.NumActions)
            throw new ArgumentException($"policy is {pi.GetLength(0)}x{pi.GetLength(1)}, MDP has {mdp.NumStates} states x {mdp.NumActions} actions");
    }
}
