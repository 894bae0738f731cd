using Sente.Rl.Reporting;

namespace Sente.Rl.Environments;

/// <summary>Return and length of each episode of a run.</summary>
public sealed record EpisodeLog(double[] Returns, int[] Lengths, int Terminated, int Truncated)
{
    /// <summary>Writes episode, return, length (CSV, atomically).</summary>
    public void WriteCsv(string path) =>
        CsvTable.WriteColumns(path, ["episode", "return", "length"],
            [Enumerable.Range(1, Returns.Length).Select(i => (double)i).ToArray(), Returns, Lengths.Select(l => (double)l).ToArray()]);
}

/// <summary>
/// Plays a fixed policy in any <see cref="IEnvironment{TObs}"/> for a number of episodes (Gymnasium's evaluation
/// loop): episode i is reset with seed <c>seed + i</c>, so runs are reproducible. Reports finished episodes.
/// </summary>
public static class EpisodeRunner
{
    /// <param name="policy">Observation in, action out (it may keep its own generator).</param>
    /// <param name="maxSteps">Safety cap per episode for environments without a time limit.</param>
    public static EpisodeLog Run<TObs>(IEnvironment<TObs> env, Func<TObs, int> policy, int episodes, ulong seed,
                                       IProgress<int>? progress = null, int maxSteps = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(episodes);
        var returns = new double[episodes];
        var lengths = new int[episodes];
        int terminated = 0, truncated = 0;
        for (int e = 0; e < episodes; e++)
        {
            TObs obs = env.Reset(seed + (ulong)e);
            double total = 0;
            int steps = 0;
            while (steps < maxSteps)
            {
                var step = env.Step(policy(obs));
                total += step.Reward;
                steps++;
                if (step.Terminated) { terminated++; break; }
                if (step.Truncated) { truncated++; break; }
                obs = step.Observation;
            }
            returns[e] = total;
            lengths[e] = steps;
            progress?.Report(e + 1);
        }
        return new EpisodeLog(returns, lengths, terminated, truncated);
    }
}
