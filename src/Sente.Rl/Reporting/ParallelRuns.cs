namespace Sente.Rl.Reporting;

/// <summary>
/// Runs independent repetitions of an experiment (bandit tasks, learning runs) on the thread pool. Run i gets
/// its own generator seeded from (seed, i), and sums are formed in a fixed order, so results do not depend on
/// scheduling or thread count.
/// </summary>
public static class ParallelRuns
{
    /// <summary>
    /// Runs every run and sums per-run vectors of <paramref name="length"/> values: <paramref name="addRun"/>(run, rng,
    /// sums) adds run's values into <paramref name="addRun"/>'s third argument. Runs are split into fixed chunks that
    /// are each summed in run order and then combined in chunk order, so the floating-point result is identical
    /// on every execution, whatever the scheduling.
    /// </summary>
    public static double[] Sum(int runs, ulong seed, int length, Action<int, Sente.Core.Rng, double[]> addRun,
                               IProgress<int>? progress = null, int maxThreads = 0)
    {
        const int MaxChunks = 64;
        int chunks = Math.Min(runs, MaxChunks);
        var partial = new double[chunks][];
        int done = 0;
        Parallel.For(0, chunks, Options(maxThreads), c =>
        {
            var sums = new double[length];
            for (int i = (int)((long)runs * c / chunks); i < (int)((long)runs * (c + 1) / chunks); i++)
            {
                addRun(i, new Sente.Core.Rng(RunSeed(seed, i)), sums);
                progress?.Report(Interlocked.Increment(ref done));
            }
            partial[c] = sums;
        });
        var total = new double[length];
        foreach (var p in partial)
            for (int k = 0; k < length; k++) total[k] += p[k];
        return total;
    }

    /// <summary>The seed of run <paramref name="run"/> of an experiment seeded with <paramref name="seed"/>.</summary>
    public static ulong RunSeed(ulong seed, int run) => seed * 0x9E3779B97F4A7C15UL + (ulong)run * 0xD1B54A32D192ED03UL + 1;

    private static ParallelOptions Options(int maxThreads) =>
        new() { MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : Environment.ProcessorCount };
}
