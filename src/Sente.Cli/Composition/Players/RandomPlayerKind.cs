using Sente.Gtp.Players;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>`random`: uniformly random legal moves (Go: never filling an own one-point eye, passing when none is
/// left; other games: the game's random player). No keys.</summary>
public sealed class RandomPlayerKind : PlayerKind
{
    public override string Name => "random";
    public override string Usage => "random";
    public override string Description => "uniformly random legal move that does not fill an own one-point eye; passes when none is left";

    public override IMoveGenerator CreateMoveGenerator(PlayerSettings settings, ulong seed) => new RandomMoveGenerator(seed);

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context) =>
        new PlayerSide("random", context.Game.RandomPlayer);
}
