using Sente.Core.Games;
using Sente.Go;
using Sente.Search;

namespace Sente.Gtp.Players;

/// <summary>
/// The search's root filter for Go: <see cref="SensiblePass"/> (a pass only when the game is played out, or when
/// it ends the game after the opponent's pass without losing). Used at the root of every search Sente runs for Go
/// (GTP players, arena, self-play). Lives here because it joins a Go rule (Sente.Go) to a search hook (Sente.Search),
/// and Sente.Gtp is the lowest layer that sees both. Other states are allowed every move. Stateless, thread-safe.
/// </summary>
public sealed class GoPassFilter : IRootActionFilter
{
    public bool Allows(IGameState root, int action) => root is not GoState s || SensiblePass.Allows(s, action);
}
