using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search;

/// <summary>
/// A player that searches each move from scratch with <see cref="Mcts"/> and plays the most visited move
/// (or samples with <paramref name="temperature"/>). For matches and tests; self-play uses <see cref="Mcts"/> directly
/// to reuse the tree.
/// </summary>
public sealed class MctsPlayer(IEvaluator evaluator, SearchLimits limits, MctsOptions? options = null,
                               double temperature = 0, ulong seed = 1) : IPlayer
{
    private readonly Rng _rng = new(seed);

    public string Name => $"mcts({limits.Playouts?.ToString() ?? limits.Visits?.ToString() ?? limits.Time?.ToString()})";

    /// <summary>The last search's result.</summary>
    public SearchResult? LastResult { get; private set; }

    public int ChooseAction(IGameState state)
    {
        var mcts = new Mcts(state, evaluator, options);
        LastResult = mcts.Search(limits);
        return LastResult.SampleAction(temperature, _rng);
    }
}
