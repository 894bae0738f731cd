namespace Sente.Core.Games;

/// <summary>
/// A player whose moves come with its own estimate of the game: the value its last
/// <see cref="IPlayer.ChooseAction"/> found, in [-1, 1], from the point of view of the player who moved (+1: a sure
/// win). Used to adjudicate games that both sides agree are decided (see the arena).
/// </summary>
public interface IValueReporter
{
    /// <summary>The last move's value for the mover, or null before the first move or when the player has no estimate
    /// (e.g. a network played without search).</summary>
    double? LastValue { get; }
}
