using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Search;
using Sente.Core.Encoding;

namespace Sente.Training.Zero;

/// <summary>
/// What the game-agnostic AlphaGo Zero loop needs to know about one game, supplied by the composition root (the CLI):
/// the game, the network's input encoder, optional board symmetries for augmentation, an optional root filter
/// (Go: no losing pass), the random baseline player, and an optional SGF writer for sample games.
/// </summary>
/// <param name="OpeningMoves">Moves sampled at temperature 1 in arena games so that games differ.</param>
/// <param name="Symmetry">Square-board symmetries: training augmentation and a random one per network evaluation.</param>
/// <param name="WrapEvaluator">Optional decorator of every network evaluator (Go: <c>NoEyeFillEvaluator</c>).</param>
/// <param name="Augmentation">Training augmentation of a game without square symmetries (Connect Four's mirror);
/// <see cref="Symmetry"/> is used when null.</param>
public sealed record ZeroGameBinding(
    IGame Game,
    IPositionEncoder Encoder,
    Symmetry? Symmetry,
    IRootActionFilter? RootFilter,
    Func<ulong, IPlayer> RandomPlayer,
    Func<SelfPlayRecord, string>? ToSgf,
    int OpeningMoves,
    Func<IEvaluator, IEvaluator>? WrapEvaluator = null,
    IAugmentation? Augmentation = null)
{
    /// <summary>What training examples are augmented with: <see cref="Augmentation"/>, else <see cref="Symmetry"/>.</summary>
    public IAugmentation? TrainingAugmentation => Augmentation ?? Symmetry;
}
