using Sente.Core.Games;

namespace Sente.Tests.Games;

/// <summary>The "never loses against every opponent reply" check: walks every opponent move sequence, asking
/// the player under test for its move at each of its turns.</summary>
public static class Oracle
{
    /// <summary>Number of opponent lines that end in a loss for <paramref name="player"/> playing side <paramref name="side"/>.</summary>
    public static int LossesAgainstEveryReply(IGame game, IPlayer player, int side)
    {
        IGameState s = game.NewInitialState();
        return Walk(s, player, side);
    }

    private static int Walk(IGameState s, IPlayer player, int side)
    {
        if (s.IsTerminal) return s.Returns(side) < 0 ? 1 : 0;
        if (s.CurrentPlayer == side)
        {
            int a = player.ChooseAction(s.Clone());
            s.Apply(a);
            int r = Walk(s, player, side);
            s.Undo();
            return r;
        }
        var legal = new List<int>();
        s.LegalActions(legal);
        int losses = 0;
        foreach (int b in legal)
        {
            s.Apply(b);
            losses += Walk(s, player, side);
            s.Undo();
        }
        return losses;
    }
}
