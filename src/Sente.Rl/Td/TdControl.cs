using Sente.Core;
using Sente.Rl.Environments;

namespace Sente.Rl.Td;

/// <summary>The one-step TD control methods of Sutton and Barto ch. 6.</summary>
public enum TdMethod
{
    /// <summary>On-policy: target R + gamma Q(S', A') with A' the action actually taken next.</summary>
    Sarsa,
    /// <summary>Target R + gamma E_pi[Q(S', .)] under the epsilon-greedy policy.</summary>
    ExpectedSarsa,
    /// <summary>Off-policy: target R + gamma max_a Q(S', a).</summary>
    QLearning,
}

/// <summary>Step size, exploration and discount for tabular TD control.</summary>
public sealed record TdOptions(double Alpha = 0.5, double Epsilon = 0.1, double Gamma = 1.0, int Episodes = 500);

/// <summary>Learned action values and the return of every training episode (the online performance).</summary>
public sealed record TdResult(double[,] Q, double[] EpisodeReturns);

/// <summary>Sarsa, Expected Sarsa and Q-learning with epsilon-greedy behaviour on a tabular environment.</summary>
public static class TdControl
{
    public static TdResult Train(IEnvironment<int> env, TdMethod method, TdOptions options, Rng rng)
    {
        int states = ((DiscreteSpace)env.ObservationSpace).N, actions = env.ActionSpace.N;
        var q = new double[states, actions];
        var returns = new double[options.Episodes];
        for (int episode = 0; episode < options.Episodes; episode++)
        {
            int s = env.Reset();
            int a = TabularPolicies.EpsilonGreedy(q, s, options.Epsilon, rng);
            double total = 0;
            while (true)
            {
                var step = env.Step(a);
                total += step.Reward;
                int next = step.Observation;
                int nextAction = step.Done ? 0 : TabularPolicies.EpsilonGreedy(q, next, options.Epsilon, rng);
                double target = step.Reward;
                if (!step.Terminated)
                {
                    double bootstrap = method switch
                    {
                        TdMethod.Sarsa => q[next, nextAction],
                        TdMethod.ExpectedSarsa => TabularPolicies.EpsilonGreedyExpectation(q, next, options.Epsilon),
                        _ => TabularPolicies.Max(q, next),
                    };
                    target += options.Gamma * bootstrap;
                }
                q[s, a] += options.Alpha * (target - q[s, a]);
                if (step.Done) break;
                s = next;
                a = nextAction;
            }
            returns[episode] = total;
        }
        return new TdResult(q, returns);
    }

    /// <summary>Runs one episode with the greedy policy of <paramref name="q"/> (ties broken by lowest index) and
    /// returns its return and length; stops after <paramref name="maxSteps"/>.</summary>
    public static (double Return, int Steps) GreedyEpisode(IEnvironment<int> env, double[,] q, int maxSteps = 1000)
    {
        int s = env.Reset();
        double total = 0;
        for (int t = 1; t <= maxSteps; t++)
        {
            int best = 0;
            for (int a = 1; a < q.GetLength(1); a++) if (q[s, a] > q[s, best]) best = a;
            var step = env.Step(best);
            total += step.Reward;
            if (step.Done) return (total, t);
            s = step.Observation;
        }
        return (total, maxSteps);
    }
}
