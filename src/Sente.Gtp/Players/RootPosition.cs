using Sente.Go;

namespace Sente.Gtp.Players;

/// <summary>The position a search for <c>color</c> starts from: a copy of the game's state with that colour to move
/// (GTP lets either colour be asked for a move or an analysis).</summary>
internal static class RootPosition
{
    public static GoState Of(GoState state, Stone color)
    {
        GoState root = state.Clone();
        if (root.ToMove != color) root.SetToMove(color);
        return root;
    }
}
