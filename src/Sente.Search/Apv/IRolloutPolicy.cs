using Sente.Core;
using Sente.Core.Games;

namespace Sente.Search.Apv;

/// <summary>
/// A fast default policy for Monte Carlo rollouts (AlphaGo's linear-softmax rollout policy, or uniform random):
/// chooses one move for the player to move. <see cref="ApvMcts"/> calls it move after move from a leaf until the
/// game ends and scores the end with <see cref="IGameState.Returns"/>.
/// <para>Thread-safety: <see cref="ChooseAction"/> may be called concurrently on different states (each call with
/// its own <see cref="Rng"/>) when <see cref="ApvOptions.RolloutThreads"/> &gt; 1; implementations keep per-thread
/// scratch.</para>
/// </summary>
public interface IRolloutPolicy
{
    /// <summary>A legal action for the player to move in the non-terminal <paramref name="state"/> (read, never
    /// modified), drawn with <paramref name="rng"/>.</summary>
    int ChooseAction(IGameState state, Rng rng);

    /// <summary>Plays from <paramref name="state"/> (which may be modified: the caller passes a scratch copy) to the end
    /// of the game and returns its result for <paramref name="player"/> (<see cref="IGameState.Returns"/>), or 0 when
    /// <paramref name="maxMoves"/> moves did not end it. The default applies <see cref="ChooseAction"/> move by move;
    /// a game may override it with a faster equivalent loop.</summary>
    double Rollout(IGameState state, int player, Rng rng, int maxMoves)
    {
        for (int m = 0; m < maxMoves && !state.IsTerminal; m++) state.Apply(ChooseAction(state, rng));
        return state.IsTerminal ? state.Returns(player) : 0;
    }
}

/// <summary>Uniformly random legal actions (any game): the classic Monte Carlo default policy. Thread-safe.</summary>
public sealed class UniformRolloutPolicy : IRolloutPolicy
{
    [ThreadStatic] private static List<int>? _legal;

    public int ChooseAction(IGameState state, Rng rng)
    {
        List<int> legal = _legal ??= new List<int>(400);
        state.LegalActions(legal);
        if (legal.Count == 0) throw new InvalidOperationException("UniformRolloutPolicy: no legal action in a non-terminal state");
        return legal[rng.NextInt(legal.Count)];
    }
}
