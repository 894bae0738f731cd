using Sente.Games;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>A kind without keys that plays in the arena only (not GTP): `one-ply` and `minimax`.</summary>
/// <param name="name">The kind's name (also its usage and the side's name).</param>
/// <param name="description">What it does.</param>
/// <param name="create">The side for a game; throws <see cref="ArgumentException"/> for a game it does not play.</param>
public sealed class ArenaOnlyPlayerKind(string name, string description, Func<ZeroGameBinding, ArenaSide> create) : PlayerKind
{
    /// <summary>`one-ply`: wins when it can, blocks an immediate loss, else plays at random.</summary>
    public static ArenaOnlyPlayerKind OnePly { get; } = new("one-ply", "arena only: wins when it can, blocks an immediate loss, else random",
        _ => new PlayerSide("one-ply", seed => new OnePlyLookaheadPlayer(seed)));

    /// <summary>`minimax` (tic-tac-toe only): the perfect player by full-depth search.</summary>
    public static ArenaOnlyPlayerKind Minimax { get; } = new("minimax", "arena, tic-tac-toe only: the perfect player",
        game => game.Game.Name == "tictactoe"
            ? new PlayerSide("minimax", seed => new MinimaxPlayer(seed))
            : throw new ArgumentException("minimax solves tic-tac-toe only"));

    public override string Name => name;
    public override string Usage => name;
    public override string Description => description;
    public override bool PlaysGtp => false;

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context) => create(context.Game);
}
