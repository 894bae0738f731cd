using Sente.Core.Games;

namespace Sente.Core.Evaluation;

/// <summary>Uniform priors over legal actions and value 0: the "no knowledge" evaluator. Thread-safe.</summary>
public sealed class UniformEvaluator : IEvaluator
{
    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        var legal = new List<int>();
        int n = states.Count == 0 ? 0 : states[0].Game.NumActions;
        priors[..(states.Count * n)].Clear();
        for (int i = 0; i < states.Count; i++)
        {
            states[i].LegalActions(legal);
            float p = legal.Count == 0 ? 0f : 1f / legal.Count;
            foreach (int a in legal) priors[i * n + a] = p;
            values[i] = 0f;
        }
    }
}
