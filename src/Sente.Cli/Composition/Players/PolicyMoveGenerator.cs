using Sente.Go;
using Sente.Gtp;
using Sente.Gtp.Players;
using Sente.Lee.Stages;

namespace Sente.Cli.Composition.Players;

/// <summary>An AlphaGo policy network player as a GTP move generator: the colour asked for plays on a copy when it is
/// not the side to move. Plays the network's board size only. Not thread-safe (GTP calls from one thread).</summary>
public sealed class PolicyMoveGenerator(PolicyNetPlayer player) : IMoveGenerator
{
    public string Name => player.Name;

    public bool SupportsBoardSize(int size) => size == player.Size;

    public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock)
    {
        if (color == state.ToMove) return MoveReply.At(player.ChooseMove(state));
        GoState copy = state.Clone();
        copy.SetToMove(color);
        return MoveReply.At(player.ChooseMove(copy));
    }
}
