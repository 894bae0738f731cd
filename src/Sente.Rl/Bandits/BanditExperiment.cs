using Sente.Core;
using Sente.Rl.Reporting;

namespace Sente.Rl.Bandits;

/// <summary>Averaged learning curves of one method on the testbed.</summary>
/// <param name="AverageReward">Mean reward at each step over all runs.</param>
/// <param name="OptimalFraction">Fraction of runs that chose the optimal arm at each step.</param>
public sealed record BanditCurves(string Name, double[] AverageReward, double[] OptimalFraction)
{
    /// <summary>Mean of the average-reward curve over all steps.</summary>
    public double MeanReward => AverageReward.Average();

    /// <summary>Mean optimal-action fraction over the last <paramref name="steps"/> steps.</summary>
    public double FinalOptimal(int steps = 100) => OptimalFraction.TakeLast(steps).Average();
}

/// <summary>
/// Runs a bandit method on many independent testbed tasks (Sec. 2.3). Run i draws its task first from the seed of
/// run i, so every method sees the same tasks for the same seed. Runs execute in parallel; results are
/// deterministic.
/// </summary>
public static class BanditExperiment
{
    public static BanditCurves Run(string name, Func<IBanditAgent> newAgent, int runs, int steps, ulong seed,
                                   int arms = 10, double testbedMean = 0, IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        // One vector per run: rewards at [0, steps), optimal-arm indicators at [steps, 2 steps).
        double[] sums = ParallelRuns.Sum(runs, seed, 2 * steps, (_, rng, acc) =>
        {
            var task = new Testbed(arms, rng, testbedMean);
            IBanditAgent agent = newAgent();
            for (int t = 0; t < steps; t++)
            {
                int a = agent.SelectAction(rng);
                double x = task.Pull(a, rng);
                agent.Update(a, x);
                acc[t] += x;
                if (a == task.OptimalArm) acc[steps + t] += 1;
            }
        }, progress);
        var reward = new double[steps];
        var optimal = new double[steps];
        for (int t = 0; t < steps; t++) { reward[t] = sums[t] / runs; optimal[t] = sums[steps + t] / runs; }
        return new BanditCurves(name, reward, optimal);
    }
}
