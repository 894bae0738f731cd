namespace Sente.Rl.Reporting;

/// <summary>
/// Runs independent repetitions of an experiment (bandit tasks, learning runs) on the thread pool. Run i gets
/// its own generator seeded from (seed, i), so results do not depend on scheduling or thread count.
/// </summary>
public static class ParallelRuns
{
    /// <summary>Runs <paramref name="body"/>(runIndex, rng) for every run; reports completed runs to
    /// <paramref name="progress"/> (from worker threads).</summary>
    public static void For(int runs, ulong seed, Action<int, Sente.Core.Rng> body, IProgress<int>? progress = null,
                           int maxThreads = 0)
    {
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : Environment.ProcessorCount };
        Parallel.For(0, runs, options, i =>
        {
            body(i, new Sente.Core.Rng(RunSeed(seed, i)));
            int d = Interlocked.Increment(ref done);
            progress?.Report(d);
        });
    }

    /// <summary>The seed of run <paramref name="run"/> of an experiment seeded with <paramref name="seed"/>.</summary>
    public static ulong RunSeed(ulong seed, int run) => seed * 0x9E3779B97F4A7C15UL + (ulong)run * 0xD1B54A32D192ED03UL + 1;
}
