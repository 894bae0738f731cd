using Sente.Games;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>`one-ply` (arena only): wins when it can, blocks an immediate loss, else plays at random.</summary>
public sealed class OnePlyPlayerKind : PlayerKind
{
    public override string Name => "one-ply";
    public override string Usage => "one-ply";
    public override string Description => "arena only: wins when it can, blocks an immediate loss, else random";
    public override bool PlaysGtp => false;

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context) =>
        new PlayerSide("one-ply", seed => new OnePlyLookaheadPlayer(seed));
}
