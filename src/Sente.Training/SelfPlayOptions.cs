using Sente.Search;

namespace Sente.Training;

/// <summary>
/// Self-play settings (AlphaGo Zero defaults where they apply). Immutable.
/// </summary>
public sealed record SelfPlayOptions
{
    /// <summary>Search options; root noise on by default.</summary>
    public MctsOptions Search { get; init; } = new() { RootNoise = true };

    /// <summary>Search limits per move (AlphaGo Zero: 1600 simulations; small defaults for a 2-core machine).</summary>
    public SearchLimits Limits { get; init; } = new(Visits: 200);

    /// <summary>Move selection temperature by move number (AlphaGo Zero: 1 for 30 moves, then ~0).</summary>
    public TemperatureSchedule Temperature { get; init; } = new();

    /// <summary>Resign when the search's value (Q of the best move) for the player to move falls below this; null
    /// never resigns.</summary>
    public double? ResignThreshold { get; init; } = -0.9;

    /// <summary>Fraction of games played to the end regardless of the threshold, to measure false positives
    /// (AlphaGo Zero: 10%).</summary>
    public double ResignDisabledFraction { get; init; } = 0.1;

    /// <summary>Moves after which a game stops as a draw; null uses the game's <c>MaxGameLength</c>.</summary>
    public int? MaxMoves { get; init; }

    /// <summary>Optional root-move filter for every search (Go: <see cref="NoLosingPassFilter"/>, sensible passing).</summary>
    public IRootActionFilter? RootFilter { get; init; }

    /// <summary>Games played in lockstep so that their leaves share one evaluator call.</summary>
    public int ParallelGames { get; init; } = 8;

    /// <summary>Leaves each game contributes per evaluator call (virtual loss separates them).</summary>
    public int LeavesPerGame { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public SelfPlayOptions Validate()
    {
        Search.Validate();
        Limits.Validate();
        if (ResignThreshold is { } t && !(t >= -1 && t <= 1)) throw new ArgumentException($"SelfPlayOptions.ResignThreshold must be in [-1, 1], got {t}");
        if (!(ResignDisabledFraction >= 0 && ResignDisabledFraction <= 1))
            throw new ArgumentException($"SelfPlayOptions.ResignDisabledFraction must be in [0, 1], got {ResignDisabledFraction}");
        if (MaxMoves is < 1) throw new ArgumentException($"SelfPlayOptions.MaxMoves must be >= 1, got {MaxMoves}");
        if (ParallelGames < 1) throw new ArgumentException($"SelfPlayOptions.ParallelGames must be >= 1, got {ParallelGames}");
        if (LeavesPerGame < 1) throw new ArgumentException($"SelfPlayOptions.LeavesPerGame must be >= 1, got {LeavesPerGame}");
        if (LeavesPerGame > 1 && Search.VirtualLoss < 1) throw new ArgumentException("SelfPlayOptions: LeavesPerGame > 1 needs Search.VirtualLoss >= 1");
        return this;
    }
}
