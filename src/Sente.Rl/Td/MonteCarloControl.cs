using Sente.Core;
using Sente.Rl.Environments;

namespace Sente.Rl.Td;

/// <summary>
/// On-policy first-visit Monte Carlo control with an epsilon-soft policy (Sutton and Barto Sec. 5.4): Q(s, a) is
/// the average of first-visit returns, the policy is epsilon-greedy in Q. Needs episodes that end (use a
/// truncating environment).
/// </summary>
public static class MonteCarloControl
{
    public static TdResult Train(IEnvironment<int> env, int episodes, double epsilon, double gamma, Rng rng)
    {
        int states = ((DiscreteSpace)env.ObservationSpace).N, actions = env.ActionSpace.N;
        var q = new double[states, actions];
        var n = new int[states, actions];
        var returns = new double[episodes];
        var pairs = new List<(int S, int A)>();
        var rewards = new List<double>();
        var first = new Dictionary<(int, int), int>();
        for (int e = 0; e < episodes; e++)
        {
            pairs.Clear();
            rewards.Clear();
            first.Clear();
            int s = env.Reset();
            while (true)
            {
                int a = TabularPolicies.EpsilonGreedy(q, s, epsilon, rng);
                var step = env.Step(a);
                first.TryAdd((s, a), pairs.Count);
                pairs.Add((s, a));
                rewards.Add(step.Reward);
                if (step.Done) break;
                s = step.Observation;
            }
            double g = 0;
            for (int t = pairs.Count - 1; t >= 0; t--)
            {
                g = gamma * g + rewards[t];
                var (st, at) = pairs[t];
                if (first[(st, at)] != t) continue;
                n[st, at]++;
                q[st, at] += (g - q[st, at]) / n[st, at];
            }
            returns[e] = rewards.Sum();
        }
        return new TdResult(q, returns);
    }
}
