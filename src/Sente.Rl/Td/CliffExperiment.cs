using Sente.Rl.Mdp;
using Sente.Rl.Reporting;

namespace Sente.Rl.Td;

/// <summary>Averaged results of one TD method on Cliff Walking (Example 6.6, Figure 6.4).</summary>
/// <param name="MeanReturns">Sum of rewards per training episode, averaged over runs (online performance).</param>
/// <param name="GreedyReturns">Return of the learned greedy policy per run.</param>
/// <param name="FirstRunQ">The action values learned in run 0 (for tables and heat maps).</param>
public sealed record CliffResult(TdMethod Method, double[] MeanReturns, double[] GreedyReturns, double[,] FirstRunQ);

/// <summary>Runs a TD control method on Cliff Walking many times (in parallel, deterministic per seed).</summary>
public static class CliffExperiment
{
    public static CliffResult Run(TdMethod method, int runs, TdOptions options, ulong seed, IProgress<int>? progress = null)
    {
        var mdp = GridWorld.CliffWalking();
        var mean = new double[options.Episodes];
        var greedy = new double[runs];
        double[,]? first = null;
        var gate = new object();
        ParallelRuns.For(runs, seed, (i, rng) =>
        {
            var env = new MdpEnvironment(mdp, GridWorld.CliffStart, maxSteps: 100_000);
            var result = TdControl.Train(env, method, options, rng);
            greedy[i] = TdControl.GreedyEpisode(env, result.Q).Return;
            lock (gate)
            {
                for (int e = 0; e < mean.Length; e++) mean[e] += result.EpisodeReturns[e] / runs;
                if (i == 0) first = result.Q;
            }
        }, progress);
        return new CliffResult(method, mean, greedy, first!);
    }
}
