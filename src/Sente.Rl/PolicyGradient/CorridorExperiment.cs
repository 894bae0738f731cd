using Sente.Rl.Reporting;

namespace Sente.Rl.PolicyGradient;

/// <summary>Figure 13.1/13.2-style runs of REINFORCE on the short corridor, averaged over runs.</summary>
public static class CorridorExperiment
{
    /// <summary>The initial parameters used by the book's figures: p(right) = 0.05.</summary>
    public static double[] InitialTheta => [-1.47, 1.47];

    /// <summary>Mean return per episode over <paramref name="runs"/> runs (parallel, deterministic per seed).</summary>
    public static double[] Run(double alpha, double? baselineAlpha, int runs, int episodes, ulong seed,
                               IProgress<int>? progress = null)
    {
        double[] sums = ParallelRuns.Sum(runs, seed, episodes, (_, rng, acc) =>
        {
            var result = LinearSoftmaxReinforce.Train(new ShortCorridor(),
                new ReinforceOptions(alpha, baselineAlpha, InitialTheta, 1.0, episodes),
                LinearSoftmaxReinforce.CorridorFeatures, LinearSoftmaxReinforce.ConstantFeature, 1, rng);
            for (int e = 0; e < episodes; e++) acc[e] += result.EpisodeReturns[e];
        }, progress);
        double[] mean = sums.Select(x => x / runs).ToArray();
        return mean;
    }
}
