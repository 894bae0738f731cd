using Sente.Go;

namespace Sente.Gtp.Players;

/// <summary>The time situation for one genmove (GTP time_settings / time_left), in seconds.
/// <see cref="MainTime"/> and <see cref="ByoYomiTime"/> are 0 with <see cref="ByoYomiStones"/> 0 when no time
/// limit was set (GTP's "no time limits"). <see cref="TimeLeft"/>/<see cref="StonesLeft"/> are the last
/// time_left for the colour to move, or null if none was received.</summary>
public sealed record GtpClock(double MainTime, double ByoYomiTime, int ByoYomiStones, double? TimeLeft, int? StonesLeft)
{
    public static GtpClock Unlimited { get; } = new(0, 0, 0, null, null);
}

/// <summary>
/// Chooses moves for the GTP engine (genmove, reg_genmove). Implementations: uniform random (this layer),
/// MCTS and networks (later layers). The engine owns the generator; calls come from one thread at a time.
/// </summary>
public interface IMoveGenerator
{
    /// <summary>A short description for logs and SGF player names, e.g. "random".</summary>
    string Name { get; }

    /// <summary>
    /// Chooses a move for <paramref name="color"/> (which need not be <see cref="GoState.ToMove"/>) in
    /// <paramref name="state"/>. The state must be left as it was (use a clone or undo what you try).
    /// The answer must be legal for <paramref name="color"/>, pass (Size*Size) or resignation.
    /// </summary>
    MoveReply GenerateMove(GoState state, Stone color, GtpClock clock);

    /// <summary>Called on boardsize, clear_board and loadsgf (a new game starts): drop cached search trees.</summary>
    void NewGame() { }

    /// <summary>Whether this generator can play on a <paramref name="size"/> x <paramref name="size"/> board. A network
    /// trained for one size says no to the others: `boardsize` then answers "unacceptable size" (as GTP asks) and
    /// genmove on such a board (after loadsgf) fails with a message naming both sizes.</summary>
    bool SupportsBoardSize(int size) => true;
}
