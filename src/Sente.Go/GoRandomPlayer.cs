using Sente.Core;
using Sente.Core.Games;

namespace Sente.Go;

/// <summary>Uniformly random legal Go moves that do not fill the mover's one-point eyes, passing when none is left
/// (<see cref="RandomPolicy"/>): the Go baseline of the trainers and the arena. Seeded; not thread-safe.</summary>
public sealed class GoRandomPlayer(ulong seed) : IPlayer
{
    private readonly Rng _rng = new(seed);

    public string Name => "random";

    /// <summary>Chooses for the player to move of <paramref name="state"/>, which must be a <see cref="GoState"/>.</summary>
    public int ChooseAction(IGameState state) => RandomPolicy.SelectMove((GoState)state, _rng);
}
