using Sente.Gtp.Players;
using Sente.Search;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>`uct[:playouts=N]`: classic UCT (<see cref="UctPreset"/>: random-rollout values, uniform priors, an
/// unvisited move scored 0). playouts defaults to 1000 in GTP and to arena --visits in the arena.</summary>
public sealed class UctPlayerKind : PlayerKind
{
    /// <summary>Playouts per move when the spec (and, in the arena, --visits) sets none.</summary>
    public const int DefaultPlayouts = 1000;

    public override string Name => "uct";
    public override string Usage => $"uct[:playouts={DefaultPlayouts}]";
    public override string Description =>
        "classic UCT: MCTS with random-rollout values and uniform priors (arena: playouts = --visits unless given)";
    public override IReadOnlyList<string> Keys => ["playouts"];

    public override void Validate(PlayerSettings settings) => Preset(settings, DefaultPlayouts, 0);

    public override IMoveGenerator CreateMoveGenerator(PlayerSettings settings, ulong seed)
    {
        UctPreset uct = Preset(settings, DefaultPlayouts, seed);
        return new MctsMoveGenerator(uct.Name, uct.Evaluator(), uct.Limits, uct.Options, null);
    }

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context)
    {
        UctPreset uct = Preset(settings, context.DefaultVisits, context.Seed);
        return new SearchSide(uct.Name, uct.Evaluator(), uct.Limits, uct.Options, context.Game.RootFilter);
    }

    private static UctPreset Preset(PlayerSettings settings, int playouts, ulong seed) =>
        new UctPreset(settings.Int("playouts", playouts), seed).Validate();
}
