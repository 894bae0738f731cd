using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search;

/// <summary>
/// Merges concurrent <see cref="Evaluate"/> calls from many threads (e.g. one search thread per game, or
/// <see cref="MctsOptions.Threads"/> &gt; 1) into single calls of the inner evaluator of up to
/// <paramref name="maxBatch"/> states, as KataGo's neural-net server does. A call waits until the pending states
/// fill a batch or <paramref name="maxWait"/> has passed since it arrived; then the waiting thread evaluates
/// everything pending itself (no background thread). Thread-safe; the inner evaluator is called by one
/// thread at a time. Choose <paramref name="maxBatch"/> no larger than the states the callers keep in flight
/// (threads x leaves per call), or every call waits the full <paramref name="maxWait"/>.
/// </summary>
public sealed class BatchingEvaluator(IEvaluator inner, int maxBatch, TimeSpan maxWait) : IEvaluator
{
    private readonly object _gate = new();
    private readonly object _innerGate = new();
    private readonly List<Request> _pending = [];
    private int _pendingStates;
    private readonly int _maxBatch = maxBatch >= 1 ? maxBatch : throw new ArgumentOutOfRangeException(nameof(maxBatch), maxBatch, "must be >= 1");
    private long _calls, _states;

    /// <summary>Inner evaluator calls so far.</summary>
    public long InnerCalls => Interlocked.Read(ref _calls);

    /// <summary>States evaluated so far (InnerStates / InnerCalls is the achieved batch size).</summary>
    public long InnerStates => Interlocked.Read(ref _states);

    private sealed class Request(IReadOnlyList<IGameState> states, int numActions)
    {
        public readonly IReadOnlyList<IGameState> States = states;
        public readonly float[] Priors = new float[states.Count * numActions];
        public readonly float[] Values = new float[states.Count];
        public bool Done;
        public Exception? Error;
    }

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        if (states.Count == 0) return;
        int numActions = states[0].Game.NumActions;
        var request = new Request(states, numActions);
        List<Request>? batch = null;
        lock (_gate)
        {
            _pending.Add(request);
            _pendingStates += states.Count;
            var deadline = DateTime.UtcNow + maxWait;
            while (!request.Done)
            {
                if (_pendingStates >= _maxBatch || DateTime.UtcNow >= deadline)
                {
                    if (_pending.Contains(request))
                    {
                        batch = TakeBatch(request);
                        break;
                    }
                    deadline = DateTime.MaxValue; // taken by a leader: wait for it
                }
                TimeSpan wait = deadline == DateTime.MaxValue ? TimeSpan.FromMilliseconds(50) : deadline - DateTime.UtcNow;
                if (wait > TimeSpan.Zero) Monitor.Wait(_gate, wait);
            }
        }
        if (batch is not null) Run(batch, numActions);
        if (request.Error is not null) throw new InvalidOperationException($"batched evaluation failed: {request.Error.Message}", request.Error);
        request.Priors.CopyTo(priors);
        request.Values.CopyTo(values);
    }

    // Caller holds _gate. Takes pending requests in arrival order while they fit in maxBatch states, and always
    // the caller's own (a single request larger than maxBatch is evaluated whole).
    private List<Request> TakeBatch(Request mine)
    {
        var batch = new List<Request>();
        int states = 0;
        foreach (Request r in _pending)
        {
            if (batch.Count > 0 && states + r.States.Count > _maxBatch) continue;
            batch.Add(r);
            states += r.States.Count;
        }
        if (!batch.Contains(mine))
        {
            batch.Add(mine);
            states += mine.States.Count;
        }
        foreach (Request r in batch) _pending.Remove(r);
        _pendingStates -= states;
        return batch;
    }

    private void Run(List<Request> batch, int numActions)
    {
        var all = new List<IGameState>();
        foreach (Request r in batch) all.AddRange(r.States);
        var priors = new float[all.Count * numActions];
        var values = new float[all.Count];
        Exception? error = null;
        try
        {
            lock (_innerGate) inner.Evaluate(all, priors, values);
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _states, all.Count);
        }
        catch (Exception e)
        {
            error = e;
        }
        int offset = 0;
        foreach (Request r in batch)
        {
            if (error is null)
            {
                priors.AsSpan(offset * numActions, r.Priors.Length).CopyTo(r.Priors);
                values.AsSpan(offset, r.Values.Length).CopyTo(r.Values);
            }
            offset += r.States.Count;
        }
        lock (_gate)
        {
            foreach (Request r in batch)
            {
                r.Error = error;
                r.Done = true;
            }
            Monitor.PulseAll(_gate);
        }
    }
}
