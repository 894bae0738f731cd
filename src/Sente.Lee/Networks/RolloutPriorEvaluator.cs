using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Go;
using Sente.Lee.Rollout;

namespace Sente.Lee.Networks;

/// <summary>
/// The rollout policy's softmax as search priors: P(s,a) = p_pi(a|s) over its candidates (see
/// <see cref="RolloutPolicy"/>), pass 1 when there is none (then pass is the only move it would play), values 0. A
/// prior evaluator that costs microseconds instead of a network's milliseconds, for searches that only need a move
/// ordering (<c>lee value-label --search</c>). Moves the policy does not consider (own eyes, superko repeats) get 0.
/// Thread-safe (one workspace per thread).
/// </summary>
public sealed class RolloutPriorEvaluator(RolloutPolicy policy) : IEvaluator
{
    private readonly ThreadLocal<RolloutPolicy.Workspace> _workspace = new(() => new RolloutPolicy.Workspace());

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        RolloutPolicy.Workspace ws = _workspace.Value!;
        for (int i = 0; i < states.Count; i++)
        {
            GoState go = states[i] as GoState ?? throw new ArgumentException($"the rollout policy plays Go, not {states[i].Game.Name}");
            int n = go.Game.NumActions;
            Span<float> row = priors.Slice(i * n, n);
            row.Clear();
            var moves = go.Moves;
            int count = policy.Evaluate(go.Board, go.ToMove, moves.Count > 0 ? moves[^1].Point : -1, ws);
            if (count == 0) row[go.Pass] = 1;
            for (int c = 0; c < count; c++) row[ws.LastCandidates[c]] = (float)ws.LastProbabilities[c];
            values[i] = 0;
        }
    }
}
