using Sente.Go;
using Sente.Gtp.Players;
using Sente.Search.Apv;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>`apv:policy=PATH,...`: AlphaGo Lee's APV-MCTS with its variants as keys (<see cref="ApvSpec"/>).</summary>
public sealed class ApvPlayerKind : PlayerKind
{
    public override string Name => "apv";
    public override string Usage => ApvSpec.Usage;
    public override string Description =>
        "AlphaGo Lee's APV-MCTS (lambda=0 value only, lambda=1 rollouts only, visits=0 the policy network alone)";
    public override IReadOnlyList<string> Keys => ApvSpec.Keys;

    public override void Validate(PlayerSettings settings) => ApvSpec.From(settings);

    public override IMoveGenerator CreateMoveGenerator(PlayerSettings settings, ulong seed) =>
        ApvSpec.From(settings).CreateMoveGenerator(seed);

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context)
    {
        if (context.Game.Game is not GoGame go) throw new ArgumentException("apv sides play Go only");
        ApvSpec apv = ApvSpec.From(settings);
        var (priors, values, rollouts) = apv.Load(context.Seed, go.Size);
        return new PlayerSide(apv.Name,
            s => new ApvPlayer(apv.Name, priors, values, rollouts, apv.Limits, apv.Options(s), context.Game.RootFilter));
    }
}
