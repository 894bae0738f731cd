using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>
/// A campaign policy that learns online: for each customer it decides whether to send the e-mail from the
/// customer's features, then learns from the reward (dollars) of that decision. Not thread-safe.
/// </summary>
public interface IMarketingAgent
{
    string Name { get; }

    /// <summary>The decision while learning (may explore).</summary>
    bool Decide(ReadOnlySpan<double> features, Rng rng);

    /// <summary>Learns from the reward of the decision just taken.</summary>
    void Learn(ReadOnlySpan<double> features, bool sent, double reward);

    /// <summary>The decision of the learned policy without exploration (used to score the final policy).</summary>
    bool Exploit(ReadOnlySpan<double> features);
}

/// <summary>A fixed policy: always send or never send.</summary>
public sealed class FixedPolicy(bool send) : IMarketingAgent
{
    public string Name => send ? "always send" : "never send";
    public bool Decide(ReadOnlySpan<double> features, Rng rng) => send;
    public void Learn(ReadOnlySpan<double> features, bool sent, double reward) { }
    public bool Exploit(ReadOnlySpan<double> features) => send;
}

/// <summary>A context-free bandit over {don't send, send}: epsilon-greedy on sample-average rewards (ignores the
/// customer's features, so it can only learn "always" or "never").</summary>
public sealed class ContextFreeBandit(double epsilon = 0.05) : IMarketingAgent
{
    private readonly double[] _sum = new double[2];
    private readonly long[] _n = new long[2];

    public string Name => $"context-free bandit (eps {epsilon})";

    public bool Decide(ReadOnlySpan<double> features, Rng rng)
    {
        if (_n[0] == 0 || _n[1] == 0) return _n[1] == 0;
        return rng.NextDouble() < epsilon ? rng.NextInt(2) == 1 : Exploit(features);
    }

    public void Learn(ReadOnlySpan<double> features, bool sent, double reward)
    {
        int a = sent ? 1 : 0;
        _sum[a] += reward;
        _n[a]++;
    }

    public bool Exploit(ReadOnlySpan<double> features) =>
        _n[1] > 0 && (_n[0] == 0 || _sum[1] / _n[1] > _sum[0] / _n[0]);
}
