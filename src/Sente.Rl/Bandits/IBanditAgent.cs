using Sente.Core;

namespace Sente.Rl.Bandits;

/// <summary>
/// A k-armed bandit learner (Sutton and Barto ch. 2). Arms are 0..k-1. The caller alternates
/// <see cref="SelectAction"/> and <see cref="Update"/> with the reward of the chosen arm. One agent per task run;
/// not thread-safe.
/// </summary>
public interface IBanditAgent
{
    /// <summary>Chooses an arm (randomness from <paramref name="rng"/>).</summary>
    int SelectAction(Rng rng);

    /// <summary>Learns from the reward observed for <paramref name="action"/>.</summary>
    void Update(int action, double reward);
}

/// <summary>Shared helpers for bandit agents.</summary>
public static class BanditMath
{
    /// <summary>The index of the largest value, ties broken uniformly at random.</summary>
    public static int ArgMaxRandomTies(ReadOnlySpan<double> values, Rng rng)
    {
        int best = 0, ties = 1;
        double max = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > max) { max = values[i]; best = i; ties = 1; }
            else if (values[i] == max && rng.NextInt(++ties) == 0) best = i;
        }
        return best;
    }

    /// <summary>Softmax of <paramref name="h"/> into <paramref name="probs"/> (numerically stable).</summary>
    public static void Softmax(ReadOnlySpan<double> h, Span<double> probs)
    {
        double max = double.NegativeInfinity;
        foreach (double x in h) max = Math.Max(max, x);
        double sum = 0;
        for (int i = 0; i < h.Length; i++) { probs[i] = Math.Exp(h[i] - max); sum += probs[i]; }
        for (int i = 0; i < h.Length; i++) probs[i] /= sum;
    }

    /// <summary>Samples an index from a probability vector.</summary>
    public static int Sample(ReadOnlySpan<double> probs, Rng rng)
    {
        double u = rng.NextDouble(), acc = 0;
        for (int i = 0; i < probs.Length - 1; i++) { acc += probs[i]; if (u < acc) return i; }
        return probs.Length - 1;
    }
}
