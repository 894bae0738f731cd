using Sente.Core;
using Sente.Go;

namespace Sente.Gtp.Players;

/// <summary>Sente's uniform random player (<see cref="RandomPolicy"/>): uniform among the legal moves that do not
/// fill one of its own one-point eyes; passes when there is none (so random games end played out). Seeded; never
/// resigns.</summary>
public sealed class RandomMoveGenerator(ulong seed) : IMoveGenerator
{
    private readonly Rng _rng = new(seed);

    public string Name => "random";

    public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock)
    {
        if (color == state.ToMove) return MoveReply.At(RandomPolicy.SelectMove(state, _rng));
        // GTP may ask for the colour not to move: choose on a copy with that colour to move.
        GoState copy = state.Clone();
        copy.SetToMove(color);
        return MoveReply.At(RandomPolicy.SelectMove(copy, _rng));
    }
}
