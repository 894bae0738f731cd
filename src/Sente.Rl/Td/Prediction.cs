using Sente.Core;
using Sente.Rl.Environments;

namespace Sente.Rl.Td;

/// <summary>A stochastic policy over discrete actions: state and generator in, action out.</summary>
public delegate int TabularPolicy(int state, Rng rng);

/// <summary>Model-free prediction of v_pi from sampled episodes: Monte Carlo (first-visit or every-visit
/// averages of returns) and TD(0) (Sutton and Barto Sec. 5.1, 6.1).</summary>
public static class Prediction
{
    /// <summary>Monte Carlo prediction: v(s) = average of the returns following visits to s.</summary>
    public static double[] MonteCarlo(IEnvironment<int> env, TabularPolicy policy, int episodes, double gamma, Rng rng,
                                      bool firstVisit = true)
    {
        int states = ((DiscreteSpace)env.ObservationSpace).N;
        var sum = new double[states];
        var count = new int[states];
        var visited = new List<int>();
        var rewards = new List<double>();
        var firstIndex = new int[states];
        for (int e = 0; e < episodes; e++)
        {
            visited.Clear();
            rewards.Clear();
            int s = env.Reset();
            while (true)
            {
                var step = env.Step(policy(s, rng));
                visited.Add(s);
                rewards.Add(step.Reward);
                if (step.Done) break;
                s = step.Observation;
            }
            Array.Fill(firstIndex, -1);
            for (int t = 0; t < visited.Count; t++) if (firstIndex[visited[t]] < 0) firstIndex[visited[t]] = t;
            double g = 0;
            for (int t = visited.Count - 1; t >= 0; t--)
            {
                g = gamma * g + rewards[t];
                int st = visited[t];
                if (firstVisit && firstIndex[st] != t) continue;
                sum[st] += g;
                count[st]++;
            }
        }
        var v = new double[states];
        for (int s = 0; s < states; s++) v[s] = count[s] == 0 ? 0 : sum[s] / count[s];
        return v;
    }

    /// <summary>TD(0): v(S) += alpha [R + gamma v(S') - v(S)] after every step (v = 0 at terminal states).</summary>
    public static double[] Td0(IEnvironment<int> env, TabularPolicy policy, int episodes, double alpha, double gamma, Rng rng)
    {
        var v = new double[((DiscreteSpace)env.ObservationSpace).N];
        for (int e = 0; e < episodes; e++)
        {
            int s = env.Reset();
            while (true)
            {
                var step = env.Step(policy(s, rng));
                double target = step.Reward + (step.Terminated ? 0 : gamma * v[step.Observation]);
                v[s] += alpha * (target - v[s]);
                if (step.Done) break;
                s = step.Observation;
            }
        }
        return v;
    }
}
