namespace Sente.Core.Games;

/// <summary>
/// A game definition in the OpenSpiel sense: a factory of initial states plus the facts algorithms need to
/// size their buffers. Sente's algorithms (MCTS, self-play, trainers) name no game; they see only this
/// contract and <see cref="IGameState"/>.
/// <para>Scope: two players (0 and 1), alternating turns, perfect information, deterministic, zero-sum.</para>
/// Implementations are immutable and thread-safe.
/// </summary>
public interface IGame
{
    /// <summary>Short lower-case name used in configs and file names, e.g. "go", "tictactoe", "connect4".</summary>
    string Name { get; }

    /// <summary>Size of the flat action space: every action is an integer in [0, NumActions).
    /// For Go on an N x N board this is N*N + 1: point y*N + x with (0,0) = A1, and pass = N*N.</summary>
    int NumActions { get; }

    /// <summary>Shape (channels, height, width) of <see cref="IGameState.WriteObservation"/>.</summary>
    (int Channels, int Height, int Width) ObservationShape { get; }

    /// <summary>An upper bound on the number of moves in one game (used to cap self-play).</summary>
    int MaxGameLength { get; }

    /// <summary>A fresh state at the start of the game.</summary>
    IGameState NewInitialState();
}
