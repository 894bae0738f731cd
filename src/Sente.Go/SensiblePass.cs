namespace Sente.Go;

/// <summary>
/// Sensible passing for Go under area scoring: a pass is sensible only when the mover has no legal move other than
/// filling its own one-point eyes (the game is played out, as Tromp-Taylor scoring needs), or when the opponent has
/// just passed and passing ends the game with a win or a draw for the mover.
/// <para>Without it, a small search (fewer visits than legal moves) cannot see that an early pass hands the opponent a
/// game-ending reply, passes get visits, and self-play teaches the network to pass early. Searches use it through
/// <c>Sente.Gtp.Players.GoPassFilter</c> (the search's root filter), composed by the CLI.</para>
/// </summary>
public static class SensiblePass
{
    /// <summary>True unless <paramref name="action"/> is a pass that is not sensible in <paramref name="state"/>. The
    /// state is explored (apply, then undo) and left as it was. Not thread-safe on one state.</summary>
    public static bool Allows(GoState state, int action)
    {
        int pass = state.Size * state.Size;
        if (action != pass) return true;
        Board board = state.Board;
        bool sensibleMoveLeft = false;
        for (int p = 0; p < pass && !sensibleMoveLeft; p++)
            sensibleMoveLeft = board[p] == Stone.Empty && !board.IsOnePointEye(state.ToMove, p) && state.IsLegal(state.ToMove, p);
        if (!sensibleMoveLeft) return true;
        if (state.ConsecutivePasses == 0) return false;
        int me = state.CurrentPlayer;
        state.Apply(pass);
        bool ok = state.IsTerminal && state.Returns(me) >= 0;
        state.Undo();
        return ok;
    }
}
