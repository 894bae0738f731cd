using Sente.Core;
using Sente.Core.Games;
using Sente.Search.Apv;

namespace Sente.Tests;

/// <summary>A rollout "policy" whose every rollout Black wins: labels and search values it produces are known exactly
/// (+1 for Black, -1 for White). It plays no moves.</summary>
internal sealed class BlackAlwaysWins : IRolloutPolicy
{
    public int ChooseAction(IGameState state, Rng rng) => throw new NotSupportedException();

    public double Rollout(IGameState state, int player, Rng rng, int maxMoves) => player == 0 ? 1 : -1;
}
