using Sente.Core.Games;

namespace Sente.Search;

/// <summary>
/// A hook that removes root moves the search must not play, e.g. a pass that loses the game. Called when the root
/// is expanded or becomes the root through tree reuse; the search ignores a filter that forbids every move.
/// </summary>
public interface IRootActionFilter
{
    /// <summary>False to forbid <paramref name="action"/> at <paramref name="root"/>. The state may be explored but
    /// must be restored (apply, then undo).</summary>
    bool Allows(IGameState root, int action);
}

/// <summary>
/// Sensible passing for games where passing can end the game (Go under Tromp-Taylor area scoring: two passes end
/// it): forbids the pass when it would end the game with a loss for the player passing. Other passes are allowed.
/// </summary>
/// <param name="passAction">The game's pass action (Go: N*N).</param>
public sealed class NoLosingPassFilter(int passAction) : IRootActionFilter
{
    public bool Allows(IGameState root, int action)
    {
        if (action != passAction || !root.IsLegal(action)) return true;
        int me = root.CurrentPlayer;
        root.Apply(action);
        bool loses = root.IsTerminal && root.Returns(me) < 0;
        root.Undo();
        return !loses;
    }
}
