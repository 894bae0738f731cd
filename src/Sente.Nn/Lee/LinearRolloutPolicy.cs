using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Nn.Rollout;
using Sente.Search.Apv;

namespace Sente.Nn.Lee;

/// <summary>
/// AlphaGo's linear-softmax <see cref="RolloutPolicy"/> as the rollout contract of APV-MCTS: samples a move from its
/// softmax for the Go position's player to move (last move = the position's last move). The policy's candidates skip
/// suicide, the simple-ko point and own one-point eyes; a sample the position's full rules forbid (a superko repeat,
/// rare) is replaced by a uniformly random sensible move; no candidate gives a pass. Thread-safe (one workspace per
/// thread); allocation-free per move.
/// </summary>
public sealed class LinearRolloutPolicy(RolloutPolicy policy) : IRolloutPolicy
{
    private readonly ThreadLocal<RolloutPolicy.Workspace> _workspace = new(() => new RolloutPolicy.Workspace());

    public RolloutPolicy Policy => policy;

    public int ChooseAction(IGameState state, Rng rng)
    {
        if (state is not GoState go) throw new ArgumentException($"the linear rollout policy plays Go, not {state.Game.Name}");
        var moves = go.Moves;
        int last = moves.Count > 0 ? moves[^1].Point : -1;
        int move = policy.Sample(go.Board, go.ToMove, last, _workspace.Value!, rng);
        if (move == go.Pass || go.IsLegal(go.ToMove, move)) return move;
        return RandomPolicy.SelectMove(go, rng);
    }
}
