using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search.Apv;

/// <summary>
/// The value network evaluated beside the search, as in the paper's asynchronous APV-MCTS (<see cref="ApvOptions.AsyncValues"/>):
/// tree nodes are queued with a copy of their position, a background worker evaluates them in batches of at most
/// <c>maxBatch</c> (oldest first) and writes each node's <see cref="ApvNode.Value"/>, then its <see cref="ApvNode.HasValue"/>
/// (volatile, so a reader that sees the flag sees the value). The search never waits for a value; a simulation whose
/// value node has none yet backs up its rollout alone.
/// <para>Thread-safety: <see cref="Enqueue"/> from any thread; <see cref="Start"/>, <see cref="Stop"/> and
/// <see cref="Clear"/> from the thread that owns the search. The value evaluator is called from the worker only (one call
/// at a time). Between <see cref="Stop"/> and the next <see cref="Start"/> nothing runs; queued nodes wait.</para>
/// </summary>
internal sealed class AsyncValueQueue(IEvaluator values, int numActions, int maxBatch)
{
    private readonly object _lock = new();
    private readonly Queue<(ApvNode Node, IGameState State)> _queue = new();
    private Thread? _worker;
    private bool _stopping;
    private Exception? _error;

    /// <summary>Queues <paramref name="node"/> (marks it <see cref="ApvNode.ValueQueued"/>) with
    /// <paramref name="state"/>, which the queue now owns.</summary>
    public void Enqueue(ApvNode node, IGameState state)
    {
        lock (_lock)
        {
            node.ValueQueued = true;
            _queue.Enqueue((node, state));
            Monitor.Pulse(_lock);
        }
    }

    /// <summary>Starts the worker (no-op when running).</summary>
    public void Start()
    {
        if (_worker is not null) return;
        _stopping = false;
        _worker = new Thread(Run) { IsBackground = true, Name = "apv-values" };
        _worker.Start();
    }

    /// <summary>Lets the worker finish the batch it is evaluating and stops it; what is still queued stays queued.
    /// Rethrows the first error the value evaluator raised.</summary>
    public void Stop()
    {
        if (_worker is null) return;
        lock (_lock)
        {
            _stopping = true;
            Monitor.PulseAll(_lock);
        }
        _worker.Join();
        _worker = null;
        ThrowIfFailed();
    }

    /// <summary>Drops the queue (their nodes may be queued again). Call while stopped.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            foreach (var (node, _) in _queue) node.ValueQueued = false;
            _queue.Clear();
        }
    }

    /// <summary>Rethrows the value evaluator's error, if the worker met one (the worker then stops evaluating).</summary>
    public void ThrowIfFailed()
    {
        Exception? e = Volatile.Read(ref _error);
        if (e is not null) throw new InvalidOperationException("APV-MCTS: the value evaluator failed: " + e.Message, e);
    }

    private void Run()
    {
        var nodes = new List<ApvNode>(maxBatch);
        var states = new List<IGameState>(maxBatch);
        while (true)
        {
            nodes.Clear();
            states.Clear();
            lock (_lock)
            {
                while (_queue.Count == 0 && !_stopping) Monitor.Wait(_lock);
                if (_stopping) return;
                while (_queue.Count > 0 && nodes.Count < maxBatch)
                {
                    var (node, state) = _queue.Dequeue();
                    nodes.Add(node);
                    states.Add(state);
                }
            }
            var v = new float[nodes.Count];
            var priors = new float[nodes.Count * numActions];
            try
            {
                values.Evaluate(states, priors, v);
            }
            catch (Exception e)
            {
                Volatile.Write(ref _error, e);
                return;
            }
            for (int k = 0; k < nodes.Count; k++) nodes[k].SetValue(v[k]);
        }
    }
}
