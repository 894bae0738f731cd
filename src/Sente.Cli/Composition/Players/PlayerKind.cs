using Sente.Gtp.Players;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>
/// One kind of player in the <see cref="PlayerCatalog"/>: its name, its keys (with their defaults and validation, in
/// the kind's options), and how it becomes a GTP move generator (gtp --player, match sente:SPEC, lee tournament),
/// an arena side, or an external engine's command line. A kind that cannot play somewhere says so by an
/// <see cref="ArgumentException"/> naming the player. Implementations are stateless and thread-safe.
/// </summary>
public abstract class PlayerKind
{
    /// <summary>The canonical name, lower case (random, mcts, policy, apv, uct, one-ply, minimax, gnugo).</summary>
    public abstract string Name { get; }

    /// <summary>The spec's form with defaults, e.g. "mcts:model=PATH[,visits=200][,resign=-0.95]".</summary>
    public abstract string Usage { get; }

    /// <summary>What the player does, one sentence.</summary>
    public abstract string Description { get; }

    /// <summary>The keys the kind knows.</summary>
    public virtual IReadOnlyList<string> Keys => [];

    /// <summary>The key an unnamed first value fills (policy:PATH = policy:model=PATH), or null.</summary>
    public virtual string? PositionalKey => null;

    /// <summary>True when <see cref="CreateMoveGenerator"/> works (the kind is listed by gtp --player).</summary>
    public virtual bool PlaysGtp => true;

    /// <summary>Checks the settings without loading anything (networks are checked when the player is made).</summary>
    /// <exception cref="ArgumentException">A bad value, naming the player and the key.</exception>
    public virtual void Validate(PlayerSettings settings) { }

    /// <summary>The player as a GTP move generator (Go) seeded with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Bad settings, or the kind does not play GTP.</exception>
    public virtual IMoveGenerator CreateMoveGenerator(PlayerSettings settings, ulong seed) =>
        throw new ArgumentException($"player '{Name}' plays in `sente arena` only");

    /// <summary>The player as an arena side of <paramref name="context"/>'s game.</summary>
    /// <exception cref="ArgumentException">Bad settings, or the kind does not play that game in the arena.</exception>
    public virtual ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context) =>
        throw new ArgumentException($"player '{Name}' does not play in the arena");

    /// <summary>The command line of an external GTP engine, for kinds that are one (gnugo); null otherwise.</summary>
    public virtual string? ExternalCommand(PlayerSettings settings) => null;
}
