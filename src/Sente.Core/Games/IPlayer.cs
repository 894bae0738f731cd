namespace Sente.Core.Games;

/// <summary>
/// Something that picks moves: a fixed policy (random, minimax, one-ply lookahead), a search, an external engine.
/// Not thread-safe unless an implementation says so; give each game its own player.
/// </summary>
public interface IPlayer
{
    /// <summary>Short name for tables and logs, e.g. "random", "minimax", "mcts(800)".</summary>
    string Name { get; }

    /// <summary>A legal action for the player to move in the non-terminal <paramref name="state"/>; the state is
    /// read, never modified (implementations that explore it undo what they apply).</summary>
    int ChooseAction(IGameState state);
}
