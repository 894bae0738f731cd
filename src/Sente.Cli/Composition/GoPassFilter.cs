using Sente.Core.Games;
using Sente.Go;
using Sente.Search;

namespace Sente.Cli.Composition;

/// <summary>
/// Sensible passing for Go under area scoring, at the root of every search Sente runs for Go: a pass is allowed only
/// when the mover has no legal move other than filling its own one-point eyes (the game is played out, as Tromp-Taylor
/// scoring needs), or when the opponent has just passed and passing ends the game with a win or a draw.
/// <para>Without it, a small search (fewer visits than legal moves) cannot see that an early pass hands the opponent a
/// game-ending reply, passes get visits, and self-play teaches the network to pass early.</para>
/// </summary>
public sealed class GoPassFilter : IRootActionFilter
{
    public bool Allows(IGameState root, int action)
    {
        if (root is not GoState s) return true;
        int pass = s.Size * s.Size;
        if (action != pass) return true;
        Board board = s.Board;
        bool sensibleMoveLeft = false;
        for (int p = 0; p < pass && !sensibleMoveLeft; p++)
            sensibleMoveLeft = board[p] == Stone.Empty && !board.IsOnePointEye(s.ToMove, p) && s.IsLegal(s.ToMove, p);
        if (!sensibleMoveLeft) return true;
        if (s.ConsecutivePasses == 0) return false;
        int me = s.CurrentPlayer;
        s.Apply(pass);
        bool ok = s.IsTerminal && s.Returns(me) >= 0;
        s.Undo();
        return ok;
    }
}
