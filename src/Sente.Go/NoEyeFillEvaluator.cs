using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Go;

/// <summary>
/// A Go-specific decorator of any <see cref="IEvaluator"/>: moves that fill one of the mover's own one-point eyes
/// (<see cref="Board.IsOnePointEye"/>, the rule the random player follows) get prior 0 and the other priors are
/// rescaled to sum to 1 (unchanged when every legal move is such a move). Values pass through.
/// <para>This is domain knowledge AlphaGo Zero did without; on small compute budgets it keeps a young network's search
/// from destroying its own living groups, which otherwise dominates the outcome of early self-play games.</para>
/// Thread-safe when the inner evaluator is.
/// </summary>
public sealed class NoEyeFillEvaluator(IEvaluator inner) : IEvaluator
{
    public IEvaluator Inner => inner;

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        inner.Evaluate(states, priors, values);
        if (states.Count == 0) return;
        int actions = states[0].Game.NumActions;
        for (int i = 0; i < states.Count; i++)
        {
            if (states[i] is not GoState s) continue;
            Span<float> row = priors.Slice(i * actions, actions);
            Board board = s.Board;
            int points = board.PointCount;
            float removed = 0, kept = 0;
            for (int p = 0; p < points; p++)
            {
                if (row[p] <= 0) continue;
                if (board[p] == Stone.Empty && board.IsOnePointEye(s.ToMove, p)) removed += row[p];
                else kept += row[p];
            }
            kept += points < row.Length ? row[points] : 0; // pass
            if (removed <= 0 || kept <= 0) continue;
            float scale = 1f / kept;
            for (int p = 0; p < row.Length; p++)
            {
                if (p < points && row[p] > 0 && board[p] == Stone.Empty && board.IsOnePointEye(s.ToMove, p)) row[p] = 0;
                else row[p] *= scale;
            }
        }
    }
}
