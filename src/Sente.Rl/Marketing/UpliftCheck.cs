namespace Sente.Rl.Marketing;

/// <summary>One segment's uplift of one e-mail (spend per customer with the e-mail minus without, dollars), in the
/// log and in the simulator.</summary>
/// <param name="Segment">Segment name.</param>
/// <param name="Customers">Log rows of the segment (all arms).</param>
/// <param name="LogUplift">Mean spend of the segment's rows with the e-mail minus that of its no-e-mail rows.</param>
/// <param name="HalfWidth95">Half width of the log uplift's 95% interval (1.96 standard errors, Welch).</param>
/// <param name="SimulatorUplift">The simulator's expected uplift averaged over the segment's customers.</param>
public sealed record UpliftRow(string Segment, EmailArm Arm, int Customers, double LogUplift, double HalfWidth95,
                               double SimulatorUplift)
{
    /// <summary>True when the simulator's uplift lies inside the log's 95% interval.</summary>
    public bool Within => Math.Abs(SimulatorUplift - LogUplift) <= HalfWidth95;
}

/// <summary>Compares a calibrated simulator's per-segment uplift with the raw log's. Stateless.</summary>
public static class UpliftCheck
{
    /// <summary>Per segment (coarse: men's buyer x new, or fine: the 48 calibration cells) and e-mail (Mens, Womens).
    /// Segments with fewer than two rows in an arm are skipped.</summary>
    public static IReadOnlyList<UpliftRow> Compare(CustomerPopulation population, IReadOnlyList<HillstromRow> rows, bool fine = false)
    {
        var result = new List<UpliftRow>();
        foreach (var group in rows.GroupBy(r => fine ? SegmentCell.Fine(r.Customer) : SegmentCell.Coarse(r.Customer)).OrderBy(g => g.Key))
        {
            var segment = group.ToList();
            var none = Stats(segment.Where(r => r.Arm == EmailArm.None));
            foreach (var arm in new[] { EmailArm.Mens, EmailArm.Womens })
            {
                var with = Stats(segment.Where(r => r.Arm == arm));
                if (none.N < 2 || with.N < 2) continue;
                double sim = segment.Average(r => population.Uplift(r.Customer, arm));
                result.Add(new UpliftRow(fine ? SegmentCell.FineName(group.Key) : SegmentCell.CoarseName(group.Key), arm,
                    segment.Count, with.Mean - none.Mean, 1.96 * Math.Sqrt(with.Var / with.N + none.Var / none.N), sim));
            }
        }
        return result;
    }

    private static (int N, double Mean, double Var) Stats(IEnumerable<HillstromRow> rows)
    {
        double[] x = rows.Select(r => r.Spend).ToArray();
        if (x.Length == 0) return (0, 0, 0);
        double mean = x.Average();
        double var = x.Length > 1 ? x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1) : 0;
        return (x.Length, mean, var);
    }
}
