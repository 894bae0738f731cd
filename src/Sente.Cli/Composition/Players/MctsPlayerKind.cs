using Sente.Gtp.Players;
using Sente.Search;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>`mcts:model=PATH[,visits=200][,resign=-0.95]` (alias `net:PATH`): MCTS on a `sente train` network
/// (<see cref="MctsPlayerOptions"/>), loaded by <see cref="NetworkLoader.Evaluator"/>. In the arena visits defaults to
/// --visits and resign is not used.</summary>
public sealed class MctsPlayerKind : PlayerKind
{
    public override string Name => "mcts";
    public override string Usage =>
        $"mcts:model=PATH[,visits={MctsPlayerOptions.DefaultVisits}][,resign={MctsPlayerOptions.DefaultResign}]";
    public override string Description => "MCTS with a trained network (sente train); alias net:PATH";
    public override IReadOnlyList<string> Keys => ["model", "visits", "resign"];
    public override string? PositionalKey => "model";

    public override void Validate(PlayerSettings settings) => MctsPlayerOptions.From(settings);

    public override IMoveGenerator CreateMoveGenerator(PlayerSettings settings, ulong seed) =>
        CreateMoveGenerator(MctsPlayerOptions.From(settings), seed);

    /// <summary>The GTP player of <paramref name="options"/> (also gtp --model): random symmetries, sensible passing.</summary>
    public static IMoveGenerator CreateMoveGenerator(MctsPlayerOptions options, ulong seed)
    {
        options.Validate();
        LoadedEvaluator net = NetworkLoader.Evaluator(options.Model, seed: seed);
        return new MctsMoveGenerator(options.Name, net.Evaluator, new SearchLimits(Visits: options.Visits),
            new MctsOptions { Seed = seed }, options.ResignThreshold, new GoPassFilter(), net.BoardSize);
    }

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context)
    {
        MctsPlayerOptions options = MctsPlayerOptions.From(settings, context.DefaultVisits);
        LoadedEvaluator net = NetworkLoader.Evaluator(options.Model, context.Game, seed: context.Seed);
        return new SearchSide(options.Name, net.Evaluator, new SearchLimits(Visits: options.Visits), new MctsOptions(),
            context.Game.RootFilter);
    }
}
