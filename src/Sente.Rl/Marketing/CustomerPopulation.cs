using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>One calibrated cell: a fine segment (<see cref="SegmentCell.Fine"/>) under one arm.</summary>
/// <param name="Rows">Log rows of the cell and arm.</param>
/// <param name="Buyers">Rows that bought.</param>
/// <param name="RawRate">Buyers / rows (NaN if no rows).</param>
/// <param name="Rate">The shrunk conversion probability the simulator uses.</param>
/// <param name="SpendPerBuyer">Mean spend of a buyer (dollars) the simulator uses (from the coarse cell).</param>
public sealed record CalibrationCell(int Fine, EmailArm Arm, int Rows, int Buyers, double RawRate, double Rate, double SpendPerBuyer);

/// <summary>
/// The simulated customer population and its response to the three arms, calibrated on rows of the Hillstrom log:
/// <list type="bullet">
/// <item>Customers: drawn uniformly from the calibration rows' profiles (the empirical distribution, no assumed shape).</item>
/// <item>Conversion probability per fine cell (men's buyer x new x recency band x history band, 48 cells) and arm,
/// shrunk toward the coarser cell: p_cell = (buyers + m p_coarse) / (rows + m), where the coarse cell (men's buyer x
/// new) is itself shrunk toward the arm's overall rate the same way; m = <see cref="PriorRows"/> (a cell with m rows
/// is trusted half). The log's arms were randomized, so these are causal per-arm rates.</item>
/// <item>Spend of a buyer: drawn from the spends of the log's buyers of the same coarse cell and arm (mean
/// <see cref="SpendPerBuyer"/>); fine cells have too few buyers (about 5 per cell and arm) for their own.</item>
/// <item>Reward (dollars) = spend - <see cref="CostPerEmail"/> if an e-mail was sent; no margin (see
/// <see cref="EmailArms.Reward"/>).</item>
/// </list>
/// Immutable; thread-safe (sampling takes the caller's generator).
/// </summary>
public sealed class CustomerPopulation
{
    private const int PerCoarse = SegmentCell.FineCount / SegmentCell.CoarseCount;
    private readonly Customer[] _customers;
    private readonly double[,] _rate;          // [fine, arm]
    private readonly double[,] _spendPerBuyer; // [coarse, arm]
    private readonly double[][][] _spends;     // [coarse][arm] -> buyer spends
    private readonly CalibrationCell[] _cells;

    private CustomerPopulation(Customer[] customers, double[,] rate, double[,] spendPerBuyer, double[][][] spends,
                               CalibrationCell[] cells, double cost, double priorRows)
    {
        _customers = customers;
        _rate = rate;
        _spendPerBuyer = spendPerBuyer;
        _spends = spends;
        _cells = cells;
        CostPerEmail = cost;
        PriorRows = priorRows;
    }

    /// <summary>Dollars per e-mail sent.</summary>
    public double CostPerEmail { get; }

    /// <summary>m of the shrinkage: pseudo-rows of the coarser cell's rate added to every cell.</summary>
    public double PriorRows { get; }

    /// <summary>The calibration rows' customer profiles (the population the simulator draws from).</summary>
    public IReadOnlyList<Customer> Customers => _customers;

    /// <summary>Every fine cell x arm of the calibration, fine cell major.</summary>
    public IReadOnlyList<CalibrationCell> Cells => _cells;

    /// <summary>Calibrates on <paramref name="rows"/> (all three arms must be present).</summary>
    /// <param name="costPerEmail">Dollars per e-mail, &gt;= 0.</param>
    /// <param name="priorRows">Shrinkage strength m, &gt;= 0 (0 = raw cell rates).</param>
    public static CustomerPopulation Calibrate(IReadOnlyList<HillstromRow> rows, double costPerEmail, double priorRows = 300)
    {
        if (!(costPerEmail >= 0)) throw new ArgumentOutOfRangeException(nameof(costPerEmail), costPerEmail, "must be >= 0");
        if (!(priorRows >= 0)) throw new ArgumentOutOfRangeException(nameof(priorRows), priorRows, "must be >= 0");
        const int K = EmailArms.Count;
        var n = new int[SegmentCell.FineCount, K];
        var buyers = new int[SegmentCell.FineCount, K];
        var spends = new List<double>[SegmentCell.CoarseCount, K];
        for (int c = 0; c < SegmentCell.CoarseCount; c++) for (int a = 0; a < K; a++) spends[c, a] = [];
        foreach (var row in rows)
        {
            int f = SegmentCell.Fine(row.Customer), a = (int)row.Arm;
            n[f, a]++;
            if (row.Conversion)
            {
                buyers[f, a]++;
                spends[SegmentCell.Coarse(row.Customer), a].Add(row.Spend);
            }
        }
        var rate = new double[SegmentCell.FineCount, K];
        var spendPerBuyer = new double[SegmentCell.CoarseCount, K];
        var spendLists = new double[SegmentCell.CoarseCount][][];
        var cells = new List<CalibrationCell>();
        for (int a = 0; a < K; a++)
        {
            int armRows = 0, armBuyers = 0;
            for (int f = 0; f < SegmentCell.FineCount; f++) { armRows += n[f, a]; armBuyers += buyers[f, a]; }
            if (armRows == 0) throw new ArgumentException($"no rows with arm {(EmailArm)a}", nameof(rows));
            double armRate = (double)armBuyers / armRows;
            double[] armSpends = Enumerable.Range(0, SegmentCell.CoarseCount).SelectMany(c => spends[c, a]).ToArray();
            for (int c = 0; c < SegmentCell.CoarseCount; c++)
            {
                int cRows = 0, cBuyers = 0;
                for (int f = c * PerCoarse; f < (c + 1) * PerCoarse; f++) { cRows += n[f, a]; cBuyers += buyers[f, a]; }
                double coarseRate = Shrink(cBuyers, cRows, armRate, priorRows);
                for (int f = c * PerCoarse; f < (c + 1) * PerCoarse; f++) rate[f, a] = Shrink(buyers[f, a], n[f, a], coarseRate, priorRows);
                spendLists[c] ??= new double[K][];
                // A coarse cell without buyers under this arm borrows the arm's buyers (and, failing that, spends nothing).
                spendLists[c][a] = spends[c, a].Count > 0 ? spends[c, a].ToArray() : armSpends;
                spendPerBuyer[c, a] = spendLists[c][a].Length > 0 ? spendLists[c][a].Average() : 0;
            }
        }
        for (int f = 0; f < SegmentCell.FineCount; f++)
        for (int a = 0; a < K; a++)
            cells.Add(new CalibrationCell(f, (EmailArm)a, n[f, a], buyers[f, a],
                n[f, a] > 0 ? (double)buyers[f, a] / n[f, a] : double.NaN, rate[f, a],
                spendPerBuyer[SegmentCell.CoarseOf(f), a]));
        var customers = rows.Select(r => r.Customer).ToArray();
        return new CustomerPopulation(customers, rate, spendPerBuyer, spendLists, cells.ToArray(), costPerEmail, priorRows);
    }

    /// <summary>The same calibration at another cost per e-mail.</summary>
    public CustomerPopulation WithCost(double costPerEmail) =>
        costPerEmail >= 0
            ? new CustomerPopulation(_customers, _rate, _spendPerBuyer, _spends, _cells, costPerEmail, PriorRows)
            : throw new ArgumentOutOfRangeException(nameof(costPerEmail), costPerEmail, "must be >= 0");

    /// <summary>Draws one customer (uniformly from the calibration rows).</summary>
    public Customer Draw(Rng rng) => _customers[rng.NextInt(_customers.Length)];

    /// <summary>Probability of a purchase within two weeks under <paramref name="arm"/>.</summary>
    public double Conversion(in Customer c, EmailArm arm) => _rate[SegmentCell.Fine(c), (int)arm];

    /// <summary>Mean spend of a buyer (dollars) under <paramref name="arm"/>.</summary>
    public double SpendPerBuyer(in Customer c, EmailArm arm) => _spendPerBuyer[SegmentCell.Coarse(c), (int)arm];

    /// <summary>Expected spend (dollars) under <paramref name="arm"/>.</summary>
    public double ExpectedSpend(in Customer c, EmailArm arm) => Conversion(c, arm) * SpendPerBuyer(c, arm);

    /// <summary>The arm's expected extra spend over no e-mail (dollars; before the e-mail's cost).</summary>
    public double Uplift(in Customer c, EmailArm arm) => ExpectedSpend(c, arm) - ExpectedSpend(c, EmailArm.None);

    /// <summary>Expected reward (dollars): expected spend minus the cost if the arm sends.</summary>
    public double ExpectedReward(in Customer c, EmailArm arm) => EmailArms.Reward(arm, ExpectedSpend(c, arm), CostPerEmail);

    /// <summary>The arm of highest expected reward (ties go to the lower index: no e-mail first).</summary>
    public EmailArm BestArm(in Customer c)
    {
        var best = EmailArm.None;
        foreach (var arm in EmailArms.All) if (ExpectedReward(c, arm) > ExpectedReward(c, best)) best = arm;
        return best;
    }

    /// <summary>Samples the outcome: the customer buys with the cell's probability, spending a draw from the coarse
    /// cell's buyers; reward = spend - cost if sent.</summary>
    public double SampleReward(in Customer c, EmailArm arm, Rng rng)
    {
        bool buys = rng.NextDouble() < Conversion(c, arm);
        double[] spends = _spends[SegmentCell.Coarse(c)][(int)arm];
        double spend = buys && spends.Length > 0 ? spends[rng.NextInt(spends.Length)] : 0;
        return EmailArms.Reward(arm, spend, CostPerEmail);
    }

    private static double Shrink(int successes, int trials, double prior, double priorRows) =>
        trials + priorRows > 0 ? (successes + priorRows * prior) / (trials + priorRows) : prior;
}
