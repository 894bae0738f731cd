using Sente.Core.Games;

namespace Sente.Core.Evaluation;

/// <summary>
/// Evaluates positions for search: a prior over moves and a value, as AlphaGo Zero's network does.
/// Implementations: <see cref="UniformEvaluator"/>, random rollouts (classic UCT, in Sente.Search), TorchSharp
/// networks (float32, optionally bf16; Sente.Nn's TorchEvaluator), AlphaGo Lee's networks (Sente.Lee), and decorators
/// (<see cref="CountingEvaluator"/>, the search's batching evaluator, Go's no-eye-fill filter).
/// </summary>
public interface IEvaluator
{
    /// <summary>
    /// Evaluates a batch of non-terminal states of one game.
    /// </summary>
    /// <param name="states">The positions; each is read, never modified.</param>
    /// <param name="priors">states.Count x NumActions probabilities, row-major: for each state a distribution
    /// over its legal actions (illegal actions get 0, legal ones sum to 1).</param>
    /// <param name="values">states.Count values in [-1, 1], each from the point of view of that state's player
    /// to move (+1: the player to move wins).</param>
    /// <remarks>Thread-safety: implementations document it; network evaluators accept concurrent calls.</remarks>
    void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values);
}
