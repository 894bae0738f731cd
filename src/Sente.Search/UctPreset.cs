using Sente.Core.Evaluation;

namespace Sente.Search;

/// <summary>
/// The classic UCT configuration, written once: MCTS with uniform priors and random-rollout values
/// (<see cref="RandomRolloutEvaluator"/>), an unvisited move scored 0 (<see cref="FpuMode.Constant"/>, value 0), and
/// a budget of <paramref name="Playouts"/> playouts per move. <paramref name="Seed"/> seeds both the rollouts and the
/// search options. Immutable; each <see cref="Evaluator"/> call makes a new evaluator (thread-safe itself).
/// </summary>
/// <param name="Playouts">Playouts per move, at least 1.</param>
/// <param name="Seed">Seed of the rollouts and of the search.</param>
public sealed record UctPreset(int Playouts, ulong Seed = 1)
{
    /// <summary>A short name: uct(playouts).</summary>
    public string Name => $"uct({Playouts})";

    /// <summary>The search options: constant first-play urgency 0, the rest MCTS defaults.</summary>
    public MctsOptions Options => new() { Fpu = FpuMode.Constant, FpuValue = 0, Seed = Seed };

    /// <summary>The playout budget per move.</summary>
    public SearchLimits Limits => new(Playouts: Playouts);

    /// <summary>A new random-rollout evaluator seeded with <see cref="Seed"/>.</summary>
    public IEvaluator Evaluator() => new RandomRolloutEvaluator(Seed);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public UctPreset Validate() => Playouts >= 1
        ? this
        : throw new ArgumentException($"{nameof(Playouts)} must be at least 1 (got {Playouts})", nameof(Playouts));
}
