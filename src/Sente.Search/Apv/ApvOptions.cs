namespace Sente.Search.Apv;

/// <summary>
/// Options of <see cref="ApvMcts"/>, AlphaGo's asynchronous policy-and-value MCTS (Silver et al. 2016, Methods).
/// Immutable; the defaults are the paper's except where noted. Values are in [-1, 1] for the player choosing the move.
/// The policy softmax temperature beta (0.67) belongs to the prior evaluator (it divides the policy network's logits),
/// not to the search.
/// </summary>
public sealed record ApvOptions
{
    /// <summary>c_puct of u(s,a) = c_puct P(s,a) sqrt(sum_b N(s,b)) / (1 + N(s,a)) (AlphaGo: 5).</summary>
    public double CPuct { get; init; } = 5;

    /// <summary>lambda: leaf value V = (1 - lambda) v(s_L) + lambda z_L and Q = (1 - lambda) W_v/N_v + lambda W_r/N_r.
    /// 0 = value network only (no rollouts), 1 = rollouts only (no value network). AlphaGo: 0.5.</summary>
    public double Lambda { get; init; } = 0.5;

    /// <summary>n_vl: each pending simulation counts as this many lost visits on every edge of its path until it is
    /// backed up, steering the simulations of one batch apart (AlphaGo: 3).</summary>
    public int VirtualLoss { get; init; } = 3;

    /// <summary>n_thr: a leaf is expanded (its children created with priors from the prior evaluator) on the visit
    /// that brings its in-edge count N(s,a) to this value; until then each visit evaluates it as a leaf.
    /// AlphaGo used 40 with searches of ~10^5 simulations per move; a search of a few hundred simulations (9x9 on a
    /// CPU) would then hardly grow beyond depth one, so the default here is 8. 1 expands on the first visit (AlphaGo
    /// Zero's behaviour), which suits a value-only search (a leaf's value is computed once, so re-visiting an
    /// unexpanded leaf only repeats it).</summary>
    public int ExpansionThreshold { get; init; } = 8;

    /// <summary>Which position the value evaluator scores for a simulation: see <see cref="ApvValueAt"/>.</summary>
    public ApvValueAt ValueAt { get; init; } = ApvValueAt.Visit;

    /// <summary>Simulations collected (with virtual loss) before one batched evaluation round: one value-evaluator call,
    /// one prior-evaluator call and the rollouts. This replaces the paper's asynchronous threads: the search is one
    /// thread that descends BatchSize times, evaluates all the leaves together, then backs them all up.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Threads running the rollouts of one batch (each rollout has its own seeded generator, so results do
    /// not depend on this). The rollout policy must then accept concurrent calls.</summary>
    public int RolloutThreads { get; init; } = 1;

    /// <summary>Run each batch's network calls (values, then priors) on a second thread while this one plays the batch's
    /// rollouts (on copies of the leaf states), and back up when both are done: AlphaGo's GPU evaluation alongside CPU
    /// rollouts, in lockstep. A batch then costs about max(networks, rollouts) instead of their sum; results are the same
    /// as without it (same seed, same tree). It only matters when there are both networks and rollouts
    /// (0 &lt; lambda &lt; 1, or priors with rollouts); the evaluators must accept calls from another thread (one at a time).</summary>
    public bool OverlapNetworks { get; init; }

    /// <summary>Evaluate the value network beside the search instead of in its rounds, as the paper's asynchronous
    /// search did: a node joining the tree is queued, a background thread evaluates the queue in batches of at most
    /// <see cref="BatchSize"/> and the search goes on without waiting; a simulation whose value node has no value yet
    /// backs up its rollout alone (its value half stays empty), and later simulations use the value once it is there.
    /// Needs <see cref="ApvValueAt.Expansion"/> or <see cref="ApvValueAt.Node"/> (values of tree nodes) and
    /// 0 &lt; lambda &lt; 1. Which simulations see a value then depends on timing, so a search is no longer a function
    /// of its seed alone. The value evaluator is called from the worker thread (one call at a time).</summary>
    public bool AsyncValues { get; init; }

    /// <summary>With <see cref="AsyncValues"/>: also queue the value of a position not yet in the tree once its in-edge
    /// count reaches this (below <see cref="ExpansionThreshold"/>, so that leaves get their own value before they get
    /// priors); a simulation stopping at a leaf with a value backs that value up to every edge of its path. Null: only
    /// nodes joining the tree are evaluated.</summary>
    public int? ValueThreshold { get; init; }

    /// <summary>Q of an edge without visits (the paper initialises all statistics to 0).</summary>
    public double FpuValue { get; init; }

    /// <summary>Null (the paper): an unvisited edge is scored <see cref="FpuValue"/>. Otherwise Leela Zero's first-play
    /// urgency: the node's own value for its mover (the visit-weighted mean Q of its visited edges) minus this times
    /// the square root of the visited edges' prior mass. With a fixed 0, every move of a losing position (Q below 0)
    /// looks better unvisited than the visited ones, so the search tries moves of prior 0 and keeps whichever a few
    /// noisy evaluations overrate; with the reduction it stays with the moves its priors and visits favour.</summary>
    public double? FpuReduction { get; init; }

    /// <summary>Longest rollout in moves; null: 2 x the game's MaxGameLength. A rollout cut there counts as a draw (0).</summary>
    public int? MaxRolloutMoves { get; init; }

    /// <summary>Keep the subtree of the played move in <see cref="ApvMcts.Advance"/> (AlphaGo reuses the tree).</summary>
    public bool ReuseTree { get; init; } = true;

    /// <summary>Seed of the rollouts.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public ApvOptions Validate()
    {
        if (!(CPuct > 0)) throw new ArgumentException($"ApvOptions.CPuct must be > 0, got {CPuct}");
        if (!(Lambda >= 0 && Lambda <= 1)) throw new ArgumentException($"ApvOptions.Lambda must be in [0, 1], got {Lambda}");
        if (VirtualLoss < 0) throw new ArgumentException($"ApvOptions.VirtualLoss must be >= 0, got {VirtualLoss}");
        if (ExpansionThreshold < 1) throw new ArgumentException($"ApvOptions.ExpansionThreshold must be >= 1, got {ExpansionThreshold}");
        if (BatchSize < 1) throw new ArgumentException($"ApvOptions.BatchSize must be >= 1, got {BatchSize}");
        if (BatchSize > 1 && VirtualLoss < 1) throw new ArgumentException("ApvOptions.VirtualLoss must be >= 1 when BatchSize > 1");
        if (RolloutThreads < 1) throw new ArgumentException($"ApvOptions.RolloutThreads must be >= 1, got {RolloutThreads}");
        if (!Enum.IsDefined(ValueAt)) throw new ArgumentException($"ApvOptions.ValueAt: unknown value {ValueAt}");
        if (AsyncValues && ValueAt == ApvValueAt.Visit)
            throw new ArgumentException("ApvOptions.AsyncValues needs ValueAt Expansion or Node (values of tree nodes), not Visit");
        if (AsyncValues && !(Lambda > 0 && Lambda < 1))
            throw new ArgumentException($"ApvOptions.AsyncValues needs 0 < lambda < 1 (a value network and rollouts), got lambda {Lambda}");
        if (ValueThreshold is { } vt && (vt < 1 || !AsyncValues))
            throw new ArgumentException($"ApvOptions.ValueThreshold needs AsyncValues and must be >= 1, got {vt}");
        if (!double.IsFinite(FpuValue)) throw new ArgumentException($"ApvOptions.FpuValue must be finite, got {FpuValue}");
        if (FpuReduction is { } r && !(r >= 0 && r <= 2)) throw new ArgumentException($"ApvOptions.FpuReduction must be in [0, 2], got {r}");
        if (MaxRolloutMoves is < 1) throw new ArgumentException($"ApvOptions.MaxRolloutMoves must be >= 1, got {MaxRolloutMoves}");
        return this;
    }
}
