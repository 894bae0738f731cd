namespace Sente.Search;

/// <summary>How the search values a child that has no visits yet (first-play urgency).</summary>
public enum FpuMode
{
    /// <summary>Unvisited children get <see cref="MctsOptions.FpuValue"/> (AlphaZero's pseudocode uses 0).</summary>
    Constant,

    /// <summary>Leela Zero's reduction: parent Q minus <see cref="MctsOptions.FpuValue"/> x sqrt(prior mass of the
    /// visited children), so that unexplored moves look slightly worse than the average of explored ones.</summary>
    ParentQMinusReduction,
}

/// <summary>
/// Options of one search tree. Immutable; validate with <see cref="Validate"/> (the <see cref="Mcts"/> constructor
/// does). Values are from the point of view of the player choosing the move, in [-1, 1].
/// </summary>
public sealed record MctsOptions
{
    /// <summary>PUCT exploration constant c_init (AlphaZero: 1.25). U = c * P * sqrt(N_parent) / (1 + N_child).</summary>
    public double CInit { get; init; } = 1.25;

    /// <summary>AlphaZero's log growth: c = c_init + ln((1 + N_parent + c_base) / c_base). False: c = c_init fixed.</summary>
    public bool LogGrowingC { get; init; } = true;

    /// <summary>c_base of the log growth (AlphaZero: 19652).</summary>
    public double CBase { get; init; } = 19652;

    /// <summary>First-play urgency mode.</summary>
    public FpuMode Fpu { get; init; } = FpuMode.ParentQMinusReduction;

    /// <summary>The constant Q (<see cref="FpuMode.Constant"/>) or the reduction (<see cref="FpuMode.ParentQMinusReduction"/>).</summary>
    public double FpuValue { get; init; } = 0.25;

    /// <summary>Mix Dirichlet noise into the root priors (self-play exploration): P = (1 - eps) p + eps Dir(alpha).</summary>
    public bool RootNoise { get; init; }

    /// <summary>Noise weight eps (AlphaGo Zero: 0.25).</summary>
    public double DirichletEpsilon { get; init; } = 0.25;

    /// <summary>Dirichlet alpha; null scales AlphaGo Zero's 0.03 on 19x19 to the position: 0.03 * 361 / legal moves.</summary>
    public double? DirichletAlpha { get; init; }

    /// <summary>Virtual loss per pending playout: it counts as this many lost visits while a leaf awaits evaluation,
    /// steering parallel descents apart (AlphaGo: 3). Must be at least 1 when several leaves are in flight.</summary>
    public int VirtualLoss { get; init; } = 1;

    /// <summary>Threads searching this one tree in <see cref="Mcts.Search"/>.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Leaves each thread collects (with virtual loss) before one evaluator call.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Keep the subtree of the played move in <see cref="Mcts.Advance"/> (false: start afresh).</summary>
    public bool ReuseTree { get; init; } = true;

    /// <summary>Seed of the root noise.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public MctsOptions Validate()
    {
        if (!(CInit > 0)) throw new ArgumentException($"MctsOptions.CInit must be > 0, got {CInit}");
        if (!(CBase > 0)) throw new ArgumentException($"MctsOptions.CBase must be > 0, got {CBase}");
        if (!double.IsFinite(FpuValue)) throw new ArgumentException($"MctsOptions.FpuValue must be finite, got {FpuValue}");
        if (!(DirichletEpsilon >= 0 && DirichletEpsilon <= 1))
            throw new ArgumentException($"MctsOptions.DirichletEpsilon must be in [0, 1], got {DirichletEpsilon}");
        if (DirichletAlpha is { } a && !(a > 0)) throw new ArgumentException($"MctsOptions.DirichletAlpha must be > 0, got {a}");
        if (VirtualLoss < 0) throw new ArgumentException($"MctsOptions.VirtualLoss must be >= 0, got {VirtualLoss}");
        if (Threads < 1) throw new ArgumentException($"MctsOptions.Threads must be >= 1, got {Threads}");
        if (BatchSize < 1) throw new ArgumentException($"MctsOptions.BatchSize must be >= 1, got {BatchSize}");
        if ((Threads > 1 || BatchSize > 1) && VirtualLoss < 1)
            throw new ArgumentException("MctsOptions.VirtualLoss must be >= 1 when Threads or BatchSize exceed 1");
        return this;
    }
}

/// <summary>
/// When one <see cref="Mcts.Search"/> call stops: whichever limit is reached first. Null means no limit of that kind;
/// at least one must be set.
/// </summary>
/// <param name="Playouts">New playouts (leaf evaluations, terminal leaves included) in this call.</param>
/// <param name="Visits">Total visits of the root, reused ones included (Leela Zero's --visits).</param>
/// <param name="Time">Wall-clock time of this call.</param>
public sealed record SearchLimits(int? Playouts = null, int? Visits = null, TimeSpan? Time = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> when no limit is set or one is not positive.</summary>
    public SearchLimits Validate()
    {
        if (Playouts is null && Visits is null && Time is null) throw new ArgumentException("SearchLimits: set playouts, visits or time");
        if (Playouts is < 1) throw new ArgumentException($"SearchLimits.Playouts must be >= 1, got {Playouts}");
        if (Visits is < 1) throw new ArgumentException($"SearchLimits.Visits must be >= 1, got {Visits}");
        if (Time is { } t && t <= TimeSpan.Zero) throw new ArgumentException($"SearchLimits.Time must be positive, got {t}");
        return this;
    }
}
