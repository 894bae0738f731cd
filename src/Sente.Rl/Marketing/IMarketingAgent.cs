using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>
/// A campaign policy that learns online: for each customer it picks an arm (no e-mail, Mens, Womens) from the
/// customer's features (<see cref="Customer.WriteFeatures"/>), then learns from the reward (dollars) of that arm.
/// Not thread-safe.
/// </summary>
public interface IMarketingAgent
{
    string Name { get; }

    /// <summary>The arm while learning (may explore).</summary>
    EmailArm Decide(ReadOnlySpan<double> features, Rng rng);

    /// <summary>Learns from the reward of the arm just taken.</summary>
    void Learn(ReadOnlySpan<double> features, EmailArm arm, double reward);

    /// <summary>The arm of the learned policy without exploration (used to score the final policy).</summary>
    EmailArm Exploit(ReadOnlySpan<double> features);
}

/// <summary>Helpers for agents.</summary>
public static class MarketingAgents
{
    /// <summary>The agent's exploiting policy as a function of the customer (features computed per call).</summary>
    public static Func<Customer, EmailArm> AsPolicy(this IMarketingAgent agent) => c =>
    {
        Span<double> x = stackalloc double[Customer.FeatureCount];
        c.WriteFeatures(x);
        return agent.Exploit(x);
    };
}

/// <summary>A fixed policy: always the same arm.</summary>
public sealed class FixedPolicy(EmailArm arm) : IMarketingAgent
{
    public string Name => arm == EmailArm.None ? "never send" : $"always {arm.Label()}";
    public EmailArm Decide(ReadOnlySpan<double> features, Rng rng) => arm;
    public void Learn(ReadOnlySpan<double> features, EmailArm taken, double reward) { }
    public EmailArm Exploit(ReadOnlySpan<double> features) => arm;
}

/// <summary>A context-free bandit over the three arms: epsilon-greedy on sample-average rewards (ignores the
/// customer's features, so it can only learn one arm for everyone). Each arm is tried once first.</summary>
public sealed class ContextFreeBandit(double epsilon = 0.05) : IMarketingAgent
{
    private readonly double[] _sum = new double[EmailArms.Count];
    private readonly long[] _n = new long[EmailArms.Count];

    public string Name => $"context-free bandit (eps {epsilon})";

    public EmailArm Decide(ReadOnlySpan<double> features, Rng rng)
    {
        for (int a = 0; a < EmailArms.Count; a++) if (_n[a] == 0) return (EmailArm)a;
        return rng.NextDouble() < epsilon ? (EmailArm)rng.NextInt(EmailArms.Count) : Exploit(features);
    }

    public void Learn(ReadOnlySpan<double> features, EmailArm arm, double reward)
    {
        _sum[(int)arm] += reward;
        _n[(int)arm]++;
    }

    public EmailArm Exploit(ReadOnlySpan<double> features)
    {
        int best = 0;
        for (int a = 1; a < EmailArms.Count; a++)
            if (_n[a] > 0 && (_n[best] == 0 || _sum[a] / _n[a] > _sum[best] / _n[best])) best = a;
        return (EmailArm)best;
    }
}
