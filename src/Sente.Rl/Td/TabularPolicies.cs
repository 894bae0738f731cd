using Sente.Core;
using Sente.Rl.Bandits;

namespace Sente.Rl.Td;

/// <summary>Action selection from a tabular action-value function Q[state, action].</summary>
public static class TabularPolicies
{
    /// <summary>Epsilon-greedy with respect to Q[state, .]; ties among greedy actions broken at random.</summary>
    public static int EpsilonGreedy(double[,] q, int state, double epsilon, Rng rng)
    {
        int actions = q.GetLength(1);
        if (epsilon > 0 && rng.NextDouble() < epsilon) return rng.NextInt(actions);
        return Greedy(q, state, rng);
    }

    /// <summary>A greedy action for <paramref name="state"/>, ties at random.</summary>
    public static int Greedy(double[,] q, int state, Rng rng)
    {
        Span<double> row = stackalloc double[q.GetLength(1)];
        for (int a = 0; a < row.Length; a++) row[a] = q[state, a];
        return BanditMath.ArgMaxRandomTies(row, rng);
    }

    /// <summary>The expected value of Q[state, .] under the epsilon-greedy policy (ties share the greedy mass).</summary>
    public static double EpsilonGreedyExpectation(double[,] q, int state, double epsilon)
    {
        int actions = q.GetLength(1);
        double max = double.NegativeInfinity, sum = 0;
        int ties = 0;
        for (int a = 0; a < actions; a++)
        {
            double x = q[state, a];
            sum += x;
            if (x > max) { max = x; ties = 1; }
            else if (x == max) ties++;
        }
        return epsilon * sum / actions + (1 - epsilon) * max;
    }

    /// <summary>max_a Q[state, a].</summary>
    public static double Max(double[,] q, int state)
    {
        double max = double.NegativeInfinity;
        for (int a = 0; a < q.GetLength(1); a++) max = Math.Max(max, q[state, a]);
        return max;
    }
}
