using Sente.Core;
using Sente.Nn;
using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Rl.PolicyGradient;

/// <summary>Settings of REINFORCE with an MLP policy on CartPole-v1.</summary>
/// <param name="Hidden">Hidden units of the policy (and baseline) MLP.</param>
/// <param name="LearningRate">Adam step size of the policy.</param>
/// <param name="Gamma">Discount of the returns G_t used in the gradient (the reported return is undiscounted).</param>
/// <param name="EpisodesPerUpdate">Episodes collected with one policy before a gradient step.</param>
/// <param name="MaxEpisodes">The episode budget.</param>
/// <param name="LearnedBaseline">Subtract a learned state value V(s) (its own MLP, trained on G_t by MSE); on a
/// time-limit truncation the return's tail is bootstrapped with V of the last state (truncation is not
/// termination). Without it, G_t is used as is.</param>
/// <param name="StopWhenSolved">Stop as soon as the last 100 episodes average at least 475.</param>
/// <param name="Device">"cpu" or "cuda".</param>
public sealed record CartPoleReinforceOptions(
    int Hidden = 64, double LearningRate = 0.01, double Gamma = 0.99, int EpisodesPerUpdate = 1,
    int MaxEpisodes = 1500, bool LearnedBaseline = true, double BaselineLearningRate = 0.01,
    bool StopWhenSolved = true, string Device = "cpu");

/// <summary>Returns of every training episode, the episode at which CartPole-v1 was solved (1-based, the last
/// episode of the first 100 consecutive episodes averaging at least 475), if it was, and the final policy.</summary>
public sealed record CartPoleRun(double[] EpisodeReturns, int? SolvedAtEpisode, double Best100Average, MlpSnapshot FinalPolicy);

/// <summary>
/// REINFORCE on CartPole-v1 with a TorchSharp MLP softmax policy: collect episodes with the current policy, then
/// one Adam step on -mean_t[(G_t - b(S_t)) ln pi(A_t|S_t)], with the advantages normalised over the batch.
/// Uses one intra-op thread (the network is tiny). Not thread-safe; one trainer per thread.
/// </summary>
public static class CartPoleReinforce
{
    public const double SolvedThreshold = 475;
    public const int SolvedWindow = 100;

    /// <param name="onEpisode">Called after every episode with (episode number from 1, its return).</param>
    public static CartPoleRun Train(CartPoleReinforceOptions o, ulong seed, Action<int, double>? onEpisode = null)
    {
        TorchRuntime.InitializeProcess();
        TorchRuntime.ConfigureCurrentThread(1);
        var device = o.Device switch
        {
            "cpu" => CPU,
            "cuda" => cuda.is_available() ? CUDA : throw new InvalidOperationException("CUDA is not available"),
            _ => throw new ArgumentException($"unknown device '{o.Device}' (cpu or cuda)"),
        };
        var rng = new Rng(seed);
        var env = new CartPole(rng.NextUInt64());
        using var policy = new MlpPolicy(4, o.Hidden, 2, rng, device);
        using var value = o.LearnedBaseline ? new MlpPolicy(4, o.Hidden, 1, rng, device) : null;
        using var policyOpt = new Adam(policy.parameters(), o.LearningRate);
        using var valueOpt = value is null ? null : new Adam(value.parameters(), o.BaselineLearningRate);

        var returns = new List<double>();
        var states = new List<float>();
        var actions = new List<long>();
        var targets = new List<float>(); // G_t (with bootstrapped tail on truncation)
        var episodeRewards = new List<double>();
        Span<double> logits = stackalloc double[2];
        Span<double> v = stackalloc double[1];
        int? solved = null;
        double best = double.NegativeInfinity, windowSum = 0;
        const double valueScale = 100; // V predicts G / 100 (G <= 1 / (1 - gamma) = 100 at gamma 0.99)

        while (returns.Count < o.MaxEpisodes && !(solved is not null && o.StopWhenSolved))
        {
            MlpSnapshot pi = policy.Snapshot();
            MlpSnapshot? vSnap = value?.Snapshot();
            states.Clear(); actions.Clear(); targets.Clear();
            for (int k = 0; k < o.EpisodesPerUpdate && returns.Count < o.MaxEpisodes; k++)
            {
                double[] s = env.Reset();
                episodeRewards.Clear();
                int start = actions.Count;
                double tail = 0;
                while (true)
                {
                    pi.Evaluate(s, logits);
                    double pRight = 1 / (1 + Math.Exp(logits[0] - logits[1]));
                    int a = rng.NextDouble() < pRight ? 1 : 0;
                    foreach (double x in s) states.Add((float)x);
                    actions.Add(a);
                    var step = env.Step(a);
                    episodeRewards.Add(step.Reward);
                    if (step.Truncated && vSnap is not null)
                    {
                        vSnap.Evaluate(step.Observation, v);
                        tail = v[0] * valueScale;
                    }
                    if (step.Done) break;
                    s = step.Observation;
                }
                double g = tail;
                var episodeTargets = new float[episodeRewards.Count];
                for (int t = episodeRewards.Count - 1; t >= 0; t--) episodeTargets[t] = (float)(g = episodeRewards[t] + o.Gamma * g);
                targets.AddRange(episodeTargets);
                double ret = episodeRewards.Count;
                returns.Add(ret);
                windowSum += ret;
                if (returns.Count > SolvedWindow) windowSum -= returns[^(SolvedWindow + 1)];
                if (returns.Count >= SolvedWindow)
                {
                    double avg = windowSum / SolvedWindow;
                    best = Math.Max(best, avg);
                    if (avg >= SolvedThreshold && solved is null) solved = returns.Count;
                }
                onEpisode?.Invoke(returns.Count, ret);
                if (solved is not null && o.StopWhenSolved) break;
            }
            if (solved is not null && o.StopWhenSolved) break;
            Update(policy, value, policyOpt, valueOpt, states, actions, targets, device, valueScale);
        }
        return new CartPoleRun(returns.ToArray(), solved, best, policy.Snapshot());
    }

    /// <summary>Plays <paramref name="episodes"/> fresh episodes with a trained policy: greedy (the likelier action)
    /// or sampled from the softmax. Episode i starts from reset seed <paramref name="seed"/> + i.</summary>
    public static Environments.EpisodeLog Evaluate(MlpSnapshot policy, int episodes, ulong seed, bool greedy = true)
    {
        var env = new CartPole();
        var rng = new Rng(seed ^ 0xC0FFEEUL);
        var logits = new double[2];
        return Environments.EpisodeRunner.Run(env, s =>
        {
            policy.Evaluate(s, logits);
            if (greedy) return logits[1] > logits[0] ? 1 : 0;
            return rng.NextDouble() < 1 / (1 + Math.Exp(logits[0] - logits[1])) ? 1 : 0;
        }, episodes, seed);
    }

    private static void Update(MlpPolicy policy, MlpPolicy? value, IOptimizer policyOpt, IOptimizer? valueOpt,
                               List<float> states, List<long> actions, List<float> targets, Device device, double valueScale)
    {
        using var scope = NewDisposeScope();
        int n = actions.Count;
        var x = tensor(states.ToArray(), [n, 4]).to(device);
        var a = tensor(actions.ToArray()).to(device);
        var g = tensor(targets.ToArray()).to(device);
        Tensor advantage;
        if (value is not null && valueOpt is not null)
        {
            var predicted = value.forward(x).squeeze(1);
            using (no_grad()) advantage = g - ScalarSafe.Multiply(predicted.detach(), valueScale);
            var valueLoss = nn.functional.mse_loss(predicted, ScalarSafe.Divide(g, valueScale));
            valueOpt.ZeroGrad();
            valueLoss.backward();
            valueOpt.Step();
        }
        else advantage = g;
        if (n > 1) advantage = (advantage - advantage.mean()) / ScalarSafe.Add(advantage.std(), 1e-8);
        var logp = nn.functional.log_softmax(policy.forward(x), 1).gather(1, a.unsqueeze(1)).squeeze(1);
        var loss = -(logp * advantage).mean();
        policyOpt.ZeroGrad();
        loss.backward();
        policyOpt.Step();
    }
}
