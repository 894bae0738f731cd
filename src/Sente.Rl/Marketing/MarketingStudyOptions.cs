namespace Sente.Rl.Marketing;

/// <summary>
/// Settings of <see cref="MarketingStudy"/>: how the Hillstrom log is split, how the simulator is calibrated and how
/// the learning policies are trained. Immutable; <see cref="Validate"/> names the first bad field.
/// </summary>
/// <param name="HoldoutFraction">Fraction of the log held out for offline evaluation, in (0, 1).</param>
/// <param name="PriorRows">Shrinkage strength m of the calibration (pseudo-rows of the coarser cell), &gt;= 0.</param>
/// <param name="SimulatorCustomers">Customers in the simulated learning stream of each simulator-trained agent, &gt; 0.</param>
/// <param name="ReplayPasses">Passes over the training split for each log-trained agent (replay), &gt; 0.</param>
/// <param name="LinUcbAlpha">LinUCB's exploration width (dollars), &gt;= 0.</param>
/// <param name="PgAlpha">Step size of the softmax policy gradient, &gt; 0.</param>
/// <param name="Seed">Seed of the split, the simulated streams and the replay orders.</param>
public sealed record MarketingStudyOptions(
    double HoldoutFraction = 0.5,
    double PriorRows = 300,
    int SimulatorCustomers = 200_000,
    int ReplayPasses = 10,
    double LinUcbAlpha = 20,
    double PgAlpha = 0.1,
    ulong Seed = 1)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public MarketingStudyOptions Validate()
    {
        if (!(HoldoutFraction > 0 && HoldoutFraction < 1))
            throw new ArgumentException($"HoldoutFraction must be in (0, 1) (got {HoldoutFraction})", nameof(HoldoutFraction));
        if (!(PriorRows >= 0)) throw new ArgumentException($"PriorRows must be >= 0 (got {PriorRows})", nameof(PriorRows));
        if (SimulatorCustomers <= 0)
            throw new ArgumentException($"SimulatorCustomers must be positive (got {SimulatorCustomers})", nameof(SimulatorCustomers));
        if (ReplayPasses <= 0) throw new ArgumentException($"ReplayPasses must be positive (got {ReplayPasses})", nameof(ReplayPasses));
        if (!(LinUcbAlpha >= 0)) throw new ArgumentException($"LinUcbAlpha must be >= 0 (got {LinUcbAlpha})", nameof(LinUcbAlpha));
        if (!(PgAlpha > 0)) throw new ArgumentException($"PgAlpha must be positive (got {PgAlpha})", nameof(PgAlpha));
        return this;
    }
}
