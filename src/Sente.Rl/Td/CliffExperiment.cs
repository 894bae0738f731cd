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
        var greedy = new double[runs];
        double[,]? first = null;
        double[] sums = ParallelRuns.Sum(runs, seed, options.Episodes, (i, rng, acc) =>
        {
            var env = new MdpEnvironment(mdp, GridWorld.CliffStart, maxSteps: 100_000);
            var result = TdControl.Train(env, method, options, rng);
            greedy[i] = TdControl.GreedyEpisode(env, result.Q).Return;
            for (int e = 0; e < acc.Length; e++) acc[e] += result.EpisodeReturns[e];
            if (i == 0) first = result.Q;
        }, progress);
        double[] mean = sums.Select(x => x / runs).ToArray();
        return new CliffResult(method, mean, greedy, first!);
    }
}
