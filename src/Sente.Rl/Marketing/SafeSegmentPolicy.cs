namespace Sente.Rl.Marketing;

/// <summary>
/// A conservative per-segment policy learned from a randomized log (safe policy improvement): start from the single
/// arm with the best mean reward over all rows (the better of "never send", "always Mens", "always Womens"), and in
/// each coarse segment (<see cref="SegmentCell.Coarse"/>) switch to another arm only where the log shows it better
/// than that arm with confidence: mean difference minus <c>z</c> standard errors (Welch) above zero. With little
/// data it falls back to the best fixed arm, so offline it is at least as good as that arm up to the noise of the
/// evaluation. Immutable; thread-safe.
/// </summary>
public sealed class SafeSegmentPolicy
{
    private readonly EmailArm[] _arm;

    private SafeSegmentPolicy(EmailArm baseline, EmailArm[] arms)
    {
        Baseline = baseline;
        _arm = arms;
    }

    /// <summary>The best fixed arm of the training rows.</summary>
    public EmailArm Baseline { get; }

    /// <summary>The arm per coarse segment.</summary>
    public IReadOnlyList<EmailArm> Arms => _arm;

    /// <summary>Fits on <paramref name="rows"/> at <paramref name="costPerEmail"/> dollars per e-mail; <paramref name="z"/>
    /// is the one-sided confidence multiplier (1.96 by default), &gt;= 0.</summary>
    public static SafeSegmentPolicy Fit(IReadOnlyList<HillstromRow> rows, double costPerEmail, double z = 1.96)
    {
        if (!(z >= 0)) throw new ArgumentOutOfRangeException(nameof(z), z, "must be >= 0");
        var overall = EmailArms.All.Select(a => Stats(rows.Where(r => r.Arm == a), costPerEmail)).ToArray();
        var baseline = EmailArms.All.MaxBy(a => overall[(int)a].N > 0 ? overall[(int)a].Mean : double.NegativeInfinity);
        var arms = new EmailArm[SegmentCell.CoarseCount];
        for (int c = 0; c < SegmentCell.CoarseCount; c++)
        {
            var inCell = rows.Where(r => SegmentCell.Coarse(r.Customer) == c).ToList();
            var stats = EmailArms.All.Select(a => Stats(inCell.Where(r => r.Arm == a), costPerEmail)).ToArray();
            var b = stats[(int)baseline];
            arms[c] = baseline;
            double bestLower = 0;
            foreach (var a in EmailArms.All)
            {
                var s = stats[(int)a];
                if (a == baseline || s.N < 2 || b.N < 2) continue;
                double lower = s.Mean - b.Mean - z * Math.Sqrt(s.Var / s.N + b.Var / b.N);
                if (lower > bestLower) { bestLower = lower; arms[c] = a; }
            }
        }
        return new SafeSegmentPolicy(baseline, arms);
    }

    /// <summary>The arm for a customer.</summary>
    public EmailArm Choose(Customer c) => _arm[SegmentCell.Coarse(c)];

    private static (int N, double Mean, double Var) Stats(IEnumerable<HillstromRow> rows, double cost)
    {
        double[] x = rows.Select(r => r.Reward(cost)).ToArray();
        if (x.Length == 0) return (0, 0, 0);
        double mean = x.Average();
        return (x.Length, mean, x.Length > 1 ? x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1) : 0);
    }
}
