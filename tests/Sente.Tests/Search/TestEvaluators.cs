using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Tests.Search;

/// <summary>A deterministic, non-uniform evaluator: priors and value are fixed functions of the position hash.
/// Thread-safe. Counts calls and states so tests can see the batching.</summary>
public sealed class HashEvaluator : IEvaluator
{
    private int _calls, _states;
    public int Calls => _calls;
    public int States => _states;
    public int LargestBatch { get; private set; }

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _states, states.Count);
        lock (this) LargestBatch = Math.Max(LargestBatch, states.Count);
        var legal = new List<int>();
        int n = states[0].Game.NumActions;
        priors[..(states.Count * n)].Clear();
        for (int i = 0; i < states.Count; i++)
        {
            ulong h = states[i].PositionHash;
            states[i].LegalActions(legal);
            float sum = 0;
            foreach (int a in legal) sum += priors[i * n + a] = 1 + Mix(h + (ulong)a) % 7;
            foreach (int a in legal) priors[i * n + a] /= sum;
            values[i] = (Mix(h) % 201) / 100f - 1f;
        }
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        return x;
    }
}
