namespace Sente.Core.Games;

/// <summary>
/// A mutable game position with its history (OpenSpiel's State). Players are 0 and 1; player 0 moves first
/// (Black in Go). Not thread-safe: give each thread its own <see cref="Clone"/>.
/// </summary>
public interface IGameState
{
    /// <summary>The game this state belongs to.</summary>
    IGame Game { get; }

    /// <summary>The player to move: 0 or 1. Unspecified once <see cref="IsTerminal"/> is true.</summary>
    int CurrentPlayer { get; }

    /// <summary>Moves applied since the initial state (setup stones and handicap placements excluded).</summary>
    int MoveNumber { get; }

    /// <summary>True when the game is over; then <see cref="Returns"/> is final.</summary>
    bool IsTerminal { get; }

    /// <summary>Fills <paramref name="actions"/> (cleared first) with the legal actions, ascending. Empty when terminal.</summary>
    void LegalActions(List<int> actions);

    /// <summary>True when <paramref name="action"/> is legal for the player to move.</summary>
    bool IsLegal(int action);

    /// <summary>Plays <paramref name="action"/> for the player to move.</summary>
    /// <exception cref="InvalidOperationException">The action is illegal; the message names it and why.</exception>
    void Apply(int action);

    /// <summary>Takes back the last <see cref="Apply"/>.</summary>
    /// <exception cref="InvalidOperationException">No move to undo.</exception>
    void Undo();

    /// <summary>The outcome for player <paramref name="player"/> of a terminal state: +1 win, -1 loss, 0 draw.
    /// For a non-terminal state, 0.</summary>
    double Returns(int player);

    /// <summary>A deep copy, history included, independent of this state.</summary>
    IGameState Clone();

    /// <summary>Writes the observation from the point of view of the player to move, as
    /// <see cref="IGame.ObservationShape"/> floats (channel-major: c * H * W + y * W + x) into <paramref name="destination"/>.</summary>
    void WriteObservation(Span<float> destination);

    /// <summary>A hash of the position (board and player to move), equal for equal positions.</summary>
    ulong PositionHash { get; }

    /// <summary>Human-readable action, e.g. "D4", "pass", "column 3".</summary>
    string ActionToString(int action);
}
