using Sente.Core;
using Sente.Rl.Bandits;
using Sente.Rl.Environments;

namespace Sente.Rl.PolicyGradient;

/// <summary>Settings of REINFORCE with a linear-softmax policy.</summary>
/// <param name="Alpha">Policy step size (alpha_theta).</param>
/// <param name="BaselineAlpha">Step size of the learned linear state-value baseline (alpha_w); null = no baseline.</param>
/// <param name="InitialTheta">Initial policy parameters (length = feature size).</param>
public sealed record ReinforceOptions(double Alpha, double? BaselineAlpha, double[] InitialTheta, double Gamma = 1.0,
                                      int Episodes = 1000);

/// <summary>Per-episode returns of a REINFORCE run and the final parameters.</summary>
public sealed record ReinforceResult(double[] EpisodeReturns, double[] Theta, double[] BaselineWeights);

/// <summary>
/// REINFORCE (Sutton and Barto Sec. 13.3-13.4) for a linear-softmax policy pi(a|s) proportional to
/// exp(theta . x(s, a)): after each episode, for t = 0..T-1,
/// theta += alpha gamma^t (G_t - b(S_t)) grad ln pi(A_t|S_t), with grad ln pi = x(s, a) - sum_b pi(b|s) x(s, b).
/// The optional baseline b(s) = w . x(s) is learned by w += alpha_w (G_t - b(S_t)) x(s).
/// </summary>
public static class LinearSoftmaxReinforce
{
    /// <param name="actionFeatures">x(s, a): writes the feature vector of (state, action).</param>
    /// <param name="stateFeatures">x(s) for the baseline.</param>
    public static ReinforceResult Train(IEnvironment<int> env, ReinforceOptions o, Action<int, int, double[]> actionFeatures,
                                        Action<int, double[]> stateFeatures, int stateFeatureSize, Rng rng)
    {
        int d = o.InitialTheta.Length, actions = env.ActionSpace.N;
        var theta = (double[])o.InitialTheta.Clone();
        var w = new double[stateFeatureSize];
        var returns = new double[o.Episodes];
        var states = new List<int>();
        var chosen = new List<int>();
        var rewards = new List<double>();
        var x = new double[actions][];
        for (int a = 0; a < actions; a++) x[a] = new double[d];
        var prefs = new double[actions];
        var probs = new double[actions];
        var xs = new double[stateFeatureSize];
        for (int e = 0; e < o.Episodes; e++)
        {
            states.Clear(); chosen.Clear(); rewards.Clear();
            int s = env.Reset();
            while (true)
            {
                Probabilities(s, theta, actionFeatures, x, prefs, probs);
                int a = BanditMath.Sample(probs, rng);
                var step = env.Step(a);
                states.Add(s); chosen.Add(a); rewards.Add(step.Reward);
                if (step.Done) break;
                s = step.Observation;
            }
            // Returns G_t, then the updates in time order (the policy is held fixed during the episode).
            var g = new double[rewards.Count];
            double acc = 0;
            for (int t = rewards.Count - 1; t >= 0; t--) g[t] = acc = rewards[t] + o.Gamma * acc;
            double discount = 1;
            for (int t = 0; t < rewards.Count; t++)
            {
                double delta = g[t];
                if (o.BaselineAlpha is { } aw)
                {
                    stateFeatures(states[t], xs);
                    double b = 0;
                    for (int i = 0; i < xs.Length; i++) b += w[i] * xs[i];
                    delta -= b;
                    for (int i = 0; i < xs.Length; i++) w[i] += aw * delta * xs[i];
                }
                Probabilities(states[t], theta, actionFeatures, x, prefs, probs);
                double scale = o.Alpha * discount * delta;
                for (int i = 0; i < d; i++)
                {
                    double expected = 0;
                    for (int b2 = 0; b2 < actions; b2++) expected += probs[b2] * x[b2][i];
                    theta[i] += scale * (x[chosen[t]][i] - expected);
                }
                discount *= o.Gamma;
            }
            returns[e] = g.Length > 0 ? rewards.Sum() : 0;
        }
        return new ReinforceResult(returns, theta, w);
    }

    /// <summary>pi(.|s) for a linear-softmax policy; fills x[a] with the features of each action.</summary>
    public static void Probabilities(int s, double[] theta, Action<int, int, double[]> features, double[][] x,
                                     double[] prefs, double[] probs)
    {
        for (int a = 0; a < x.Length; a++)
        {
            features(s, a, x[a]);
            double p = 0;
            for (int i = 0; i < theta.Length; i++) p += theta[i] * x[a][i];
            prefs[a] = p;
        }
        BanditMath.Softmax(prefs, probs);
    }

    /// <summary>Short-corridor features: x(s, right) = [1, 0], x(s, left) = [0, 1] in every state.</summary>
    public static void CorridorFeatures(int state, int action, double[] x)
    {
        x[0] = action == ShortCorridor.Right ? 1 : 0;
        x[1] = action == ShortCorridor.Left ? 1 : 0;
    }

    /// <summary>Constant baseline feature x(s) = [1].</summary>
    public static void ConstantFeature(int state, double[] x) => x[0] = 1;
}
