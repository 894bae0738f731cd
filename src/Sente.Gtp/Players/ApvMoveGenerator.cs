using Sente.Core.Evaluation;
using Sente.Go;
using Sente.Search;
using Sente.Search.Apv;

namespace Sente.Gtp.Players;

/// <summary>
/// Moves from AlphaGo's APV-MCTS (<see cref="ApvMcts"/>): the most visited move after <paramref name="limits"/>, or with
/// <paramref name="limits"/> null the highest-prior move (the policy network alone, no search). Resigns when the
/// largest Q of the visited root moves is below <paramref name="resignThreshold"/> (AlphaGo: -0.8; null: never).
/// <paramref name="rootFilter"/> forbids root moves (default: passes that would lose under area scoring). Searches
/// from scratch each move, with a fresh rollout seed per move derived from the options' seed.
/// </summary>
public sealed class ApvMoveGenerator(string name, IEvaluator priors, IEvaluator? values, IRolloutPolicy? rollouts,
                                     SearchLimits? limits, ApvOptions options, double? resignThreshold = -0.8,
                                     IRootActionFilter? rootFilter = null) : IMoveGenerator
{
    private ulong _moves;

    public string Name => name;

    /// <summary>The last search's result (null before the first move).</summary>
    public SearchResult? LastResult { get; private set; }

    public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock)
    {
        GoState root = state.Clone();
        if (root.ToMove != color) root.SetToMove(color);
        if (root.IsTerminal) return MoveReply.At(root.Size * root.Size);
        var seeded = options with { Seed = options.Seed + 0x9E3779B97F4A7C15UL * ++_moves };
        var mcts = new ApvMcts(root, priors, values, rollouts, seeded, rootFilter ?? new NoLosingPassFilter(root.Size * root.Size));
        LastResult = limits is null ? mcts.PriorsOnly() : mcts.Search(limits);
        if (resignThreshold is { } t && mcts.MaxRootQ() is { } q && q < t) return MoveReply.Resignation;
        return MoveReply.At(LastResult.BestAction);
    }
}
