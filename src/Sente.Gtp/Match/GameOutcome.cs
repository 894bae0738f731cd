using Sente.Go;

namespace Sente.Gtp.Match;

/// <summary>How one match game ended. <see cref="Winner"/> is Empty for a draw (jigo). <see cref="Result"/> is
/// the SGF RE value ("B+3.5", "W+R", "B+F" for a forfeit, "0"). <see cref="Reason"/> says why: "two passes",
/// "resignation", "move limit", or the illegal move / crash / timeout that lost it.</summary>
public sealed record GameOutcome(int Index, bool PlayerAIsBlack, Stone Winner, string Result, string Reason, int Moves,
                                 string? SgfPath)
{
    /// <summary>+1 when player A won, -1 when A lost, 0 for a draw.</summary>
    public int ForPlayerA => Winner == Stone.Empty ? 0 : (Winner == Stone.Black) == PlayerAIsBlack ? 1 : -1;

    /// <summary>True when the game ended by a forfeit (illegal move, crash, timeout, protocol error).</summary>
    public bool Forfeit { get; init; }

    /// <summary>True when the game was read back from the SGF folder (an interrupted match resumed).</summary>
    public bool Resumed { get; init; }
}
