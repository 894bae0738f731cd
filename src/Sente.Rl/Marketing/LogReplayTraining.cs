using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>
/// Trains an online agent on a randomized log by replay (Li et al. 2011): rows are streamed in a seeded random order;
/// the agent picks an arm for the row's customer, and learns from the row's reward only when its arm equals the
/// logged one (other rows are skipped, as if the customer had not arrived). Because the log's arms were uniform and
/// independent of the customer, the rows the agent learns from are distributed as if it had played live. Several
/// passes reuse the rows in fresh orders. Stateless; mutates only the agent.
/// </summary>
public static class LogReplayTraining
{
    /// <summary>Returns the number of rows the agent learned from.</summary>
    /// <param name="costPerEmail">Dollars per e-mail in the reward.</param>
    /// <param name="passes">Passes over the log (&gt; 0).</param>
    public static long Train(IMarketingAgent agent, IReadOnlyList<HillstromRow> log, double costPerEmail, int passes, ulong seed,
                             IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(passes);
        var rng = new Rng(seed);
        int[] order = Enumerable.Range(0, log.Count).ToArray();
        var x = new double[Customer.FeatureCount];
        long learned = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            foreach (int i in order)
            {
                var row = log[i];
                row.Customer.WriteFeatures(x);
                var arm = agent.Decide(x, rng);
                if (arm != row.Arm) continue;
                agent.Learn(x, arm, row.Reward(costPerEmail));
                learned++;
            }
            progress?.Report(pass + 1);
        }
        return learned;
    }
}
