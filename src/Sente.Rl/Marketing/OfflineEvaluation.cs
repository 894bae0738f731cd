namespace Sente.Rl.Marketing;

/// <summary>An offline estimate of a policy's mean reward per customer (dollars).</summary>
/// <param name="Mean">The estimate.</param>
/// <param name="HalfWidth95">Half width of its 95% interval (1.96 standard errors, normal approximation).</param>
/// <param name="Matched">Log rows whose logged arm equals the policy's choice (the rows the estimate uses).</param>
public sealed record OffPolicyEstimate(double Mean, double HalfWidth95, int Matched)
{
    public double Per1000 => 1000 * Mean;
    public double HalfWidthPer1000 => 1000 * HalfWidth95;
}

/// <summary>
/// Offline evaluation of a deterministic campaign policy on a randomized log (Li, Chu, Langford, Wang 2011,
/// "Unbiased offline evaluation of contextual-bandit-based news article recommendation algorithms"). In the
/// Hillstrom test the arm was drawn uniformly (1/3 each) independently of the customer, so:
/// <list type="bullet">
/// <item>Replay: keep the rows whose logged arm equals the policy's choice and average their rewards. Unbiased for a
/// fixed policy because the kept rows are a random sample of the customers treated as the policy would treat them.
/// Interval: the standard error of that mean.</item>
/// <item>Inverse propensity scoring: (1/n) sum_i 1[a_i = pi(x_i)] r_i / mu(a_i) with the design propensity
/// mu = 1/3; unbiased, higher variance than replay (it does not normalise by the matched count). Interval: the
/// standard error of the n terms.</item>
/// </list>
/// Stateless and thread-safe.
/// </summary>
public static class OfflineEvaluation
{
    /// <summary>The Hillstrom design: each arm with probability 1/3.</summary>
    public const double DesignPropensity = 1.0 / EmailArms.Count;

    /// <summary>The replay estimate of <paramref name="policy"/> at <paramref name="costPerEmail"/> dollars per e-mail.</summary>
    public static OffPolicyEstimate Replay(IReadOnlyList<HillstromRow> log, Func<Customer, EmailArm> policy, double costPerEmail)
    {
        int n = 0;
        double sum = 0, sumSq = 0;
        foreach (var row in log)
        {
            if (policy(row.Customer) != row.Arm) continue;
            double r = row.Reward(costPerEmail);
            n++;
            sum += r;
            sumSq += r * r;
        }
        if (n == 0) return new OffPolicyEstimate(double.NaN, double.NaN, 0);
        double mean = sum / n;
        double var = n > 1 ? Math.Max(0, (sumSq - n * mean * mean) / (n - 1)) : double.NaN;
        return new OffPolicyEstimate(mean, 1.96 * Math.Sqrt(var / n), n);
    }

    /// <summary>The inverse-propensity estimate with the design propensity <see cref="DesignPropensity"/>.</summary>
    public static OffPolicyEstimate Ips(IReadOnlyList<HillstromRow> log, Func<Customer, EmailArm> policy, double costPerEmail,
                                        double propensity = DesignPropensity)
    {
        if (!(propensity > 0 && propensity <= 1)) throw new ArgumentOutOfRangeException(nameof(propensity), propensity, "must be in (0, 1]");
        int n = log.Count, matched = 0;
        if (n == 0) return new OffPolicyEstimate(double.NaN, double.NaN, 0);
        double sum = 0, sumSq = 0;
        foreach (var row in log)
        {
            if (policy(row.Customer) != row.Arm) continue;
            double term = row.Reward(costPerEmail) / propensity;
            matched++;
            sum += term;
            sumSq += term * term;
        }
        double mean = sum / n;
        double var = n > 1 ? Math.Max(0, (sumSq - n * mean * mean) / (n - 1)) : double.NaN;
        return new OffPolicyEstimate(mean, 1.96 * Math.Sqrt(var / n), matched);
    }
}
