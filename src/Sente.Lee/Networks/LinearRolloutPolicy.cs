using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Lee.Rollout;
using Sente.Search.Apv;

namespace Sente.Lee.Networks;

/// <summary>
/// AlphaGo's linear-softmax <see cref="RolloutPolicy"/> as the rollout contract of APV-MCTS.
/// <para><see cref="ChooseAction"/> (one move): samples from the policy's softmax for the Go position's player to move
/// (last move = the position's last move) by a full rescore. The candidates skip suicide, the simple-ko point and
/// own one-point eyes; a sample the position's full rules forbid (a superko repeat, rare) is replaced by a uniformly
/// random sensible move; no candidate gives a pass.</para>
/// <para><see cref="Rollout"/> (a whole rollout): the same distribution move by move through an
/// <see cref="IncrementalRollout"/> (cached per-point scores, one instance of about 1.5 MB per thread, reset from
/// the leaf's board), played on its own board, not on the state: the state is left unchanged. The rollout ends at
/// two consecutive passes (a leaf right after a pass counts that pass), at the game's
/// <see cref="GoGame.MaxGameLength"/> (both scored, as <see cref="GoState.IsTerminal"/>) or after maxMoves moves
/// (result 0). Inside a rollout only the simple-ko rule is checked (as in AlphaGo's and most engines' playouts): a
/// superko repeat is not excluded, and a cycle is cut by the move caps. The end is scored like
/// <see cref="GoState.Returns"/>: Tromp-Taylor area with the state's komi, +1 / -1 / 0 for the player.</para>
/// Thread-safe (per-thread workspaces); allocation-free per move after a thread's first rollout.
/// </summary>
public sealed class LinearRolloutPolicy(RolloutPolicy policy) : IRolloutPolicy
{
    private readonly ThreadLocal<RolloutPolicy.Workspace> _workspace = new(() => new RolloutPolicy.Workspace());
    private readonly ThreadLocal<IncrementalRollout?> _incremental = new();

    public RolloutPolicy Policy => policy;

    public int ChooseAction(IGameState state, Rng rng)
    {
        GoState go = AsGo(state);
        var moves = go.Moves;
        int last = moves.Count > 0 ? moves[^1].Point : -1;
        int move = policy.Sample(go.Board, go.ToMove, last, _workspace.Value!, rng);
        if (move == go.Pass || go.IsLegal(go.ToMove, move)) return move;
        return RandomPolicy.SelectMove(go, rng);
    }

    /// <summary>A whole rollout from <paramref name="state"/> (not modified) by the incremental selector; see the class
    /// summary for its end and scoring rules.</summary>
    public double Rollout(IGameState state, int player, Rng rng, int maxMoves)
    {
        GoState go = AsGo(state);
        if (go.IsTerminal) return go.Returns(player);
        IncrementalRollout inc = _incremental.Value ??= new IncrementalRollout(policy, go.Size);
        inc.Reset(go.Board);
        int n = go.Pass;
        int gameLeft = ((GoGame)go.Game).MaxGameLength - go.MoveNumber;
        int cap = Math.Min(maxMoves, gameLeft);
        var history = go.Moves;
        int last = history.Count > 0 ? history[^1].Point : -1;
        int passes = go.ConsecutivePasses, moves = 0;
        Stone color = go.ToMove;
        while (passes < 2 && moves < cap)
        {
            int move = inc.Select(color, last, rng);
            if (move == n) passes++;
            else { passes = 0; inc.Play(color, move); }
            moves++;
            last = move;
            color = color.Opponent();
        }
        if (passes < 2 && moves < gameLeft) return 0;
        var (black, white) = inc.Board.AreaCounts();
        double margin = black - white - go.Komi;
        double z = margin > 0 ? 1 : margin < 0 ? -1 : 0;
        return player == 0 ? z : -z;
    }

    private static GoState AsGo(IGameState state) =>
        state as GoState ?? throw new ArgumentException($"the linear rollout policy plays Go, not {state.Game.Name}");
}
