using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search.Apv;

/// <summary>
/// A player that searches each move from scratch with <see cref="ApvMcts"/> and plays the most visited move;
/// <paramref name="limits"/> null plays the prior evaluator's highest-prior allowed move with no search (the policy
/// network alone). For the arena and tests (GTP players also resign; see Sente.Gtp's ApvMoveGenerator).
/// </summary>
public sealed class ApvPlayer(string name, IEvaluator priors, IEvaluator? values, IRolloutPolicy? rollouts,
                              SearchLimits? limits, ApvOptions options, IRootActionFilter? rootFilter = null) : IPlayer, IValueReporter
{
    private ulong _moves;

    public string Name => name;

    /// <summary>The last search's result.</summary>
    public SearchResult? LastResult { get; private set; }

    /// <summary>The last search's value of the move it chose (its mixed Q) for the mover; null without search.</summary>
    public double? LastValue => limits is null ? null : LastResult?.BestQ;

    public int ChooseAction(IGameState state)
    {
        // A fresh rollout seed per move, derived from the options' seed.
        var mcts = new ApvMcts(state, priors, values, rollouts, options with { Seed = options.Seed + 0x9E3779B97F4A7C15UL * ++_moves }, rootFilter);
        LastResult = limits is null ? mcts.PriorsOnly() : mcts.Search(limits);
        return LastResult.BestAction;
    }
}
