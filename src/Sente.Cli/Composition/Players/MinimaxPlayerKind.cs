using Sente.Games;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>`minimax` (arena, tic-tac-toe only): the perfect player by full-depth search.</summary>
public sealed class MinimaxPlayerKind : PlayerKind
{
    public override string Name => "minimax";
    public override string Usage => "minimax";
    public override string Description => "arena, tic-tac-toe only: the perfect player";
    public override bool PlaysGtp => false;

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context) =>
        context.Game.Game.Name == "tictactoe"
            ? new PlayerSide("minimax", seed => new MinimaxPlayer(seed))
            : throw new ArgumentException("minimax solves tic-tac-toe only");
}
