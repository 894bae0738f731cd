using System.Diagnostics;
using Sente.Core.Games;

namespace Sente.Core.Evaluation;

/// <summary>
/// A decorator that counts what passes through an <see cref="IEvaluator"/>: calls, positions and wall-clock time spent
/// inside the inner evaluator (for benchmarks and diagnostics: how a search's time divides between networks and the
/// rest). Results are the inner evaluator's, unchanged. Thread-safe when the inner evaluator is (counters are
/// updated atomically).
/// </summary>
public sealed class CountingEvaluator(IEvaluator inner) : IEvaluator
{
    private long _calls, _positions, _ticks;

    /// <summary>Calls of <see cref="Evaluate"/> so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Positions evaluated so far (the sum of the batch sizes).</summary>
    public long Positions => Interlocked.Read(ref _positions);

    /// <summary>Wall-clock time inside the inner evaluator so far (summed over concurrent calls).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        long start = Stopwatch.GetTimestamp();
        inner.Evaluate(states, priors, values);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _positions, states.Count);
    }

    /// <summary>Sets every counter to 0.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _positions, 0);
        Interlocked.Exchange(ref _ticks, 0);
    }
}
