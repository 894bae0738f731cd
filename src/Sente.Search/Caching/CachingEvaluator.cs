using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search.Caching;

/// <summary>
/// A bounded evaluation cache in front of an <see cref="IEvaluator"/> (Leela Zero's NNCache): results (priors and
/// value, exactly as the inner evaluator returned them) are kept per position key, so a position reached again (a
/// transposition, the next move's search over the same tree, the same opening in another game) costs no network run.
/// <para>Key: <c>key(state)</c> (see <see cref="CacheKeys"/>; the default is <see cref="CacheKeys.PositionHash"/>)
/// combined with a hash of the state's legal actions, since the priors are masked to them (a superko-illegal move
/// may differ between positions with equal boards). A cache belongs to one inner evaluator: its network and symmetry
/// mode are part of what is cached. With a random symmetry per evaluation, a hit returns the symmetry drawn on the
/// miss (as Leela Zero does); with none or all 8 averaged, a hit equals a fresh evaluation.</para>
/// <para>Bounded: at most <see cref="Capacity"/> entries, least recently used evicted first within each of up to 16
/// independently locked shards (the capacity split exactly over them; a position's shard is fixed by its key).
/// Thread-safe for the threads of a search: lookups and inserts
/// take their shard's lock; misses of one call go to the inner evaluator as one batch, outside any lock. Counts hits
/// and misses (atomically).</para>
/// </summary>
public sealed class CachingEvaluator : IEvaluator
{
    private const int MaxShards = 16;
    private readonly IEvaluator inner;
    private readonly Func<IGameState, ulong> key;
    private readonly Shard[] shards;
    private long hits, misses;

    /// <param name="inner">The evaluator whose results are cached.</param>
    /// <param name="capacity">Entries kept at most (&gt;= 1).</param>
    /// <param name="key">The position key (<see cref="CacheKeys"/>); null: <see cref="CacheKeys.PositionHash"/>.</param>
    public CachingEvaluator(IEvaluator inner, int capacity, Func<IGameState, ulong>? key = null)
    {
        if (capacity < 1) throw new ArgumentException($"cache capacity must be >= 1 (got {capacity})");
        this.inner = inner;
        this.key = key ?? CacheKeys.PositionHash;
        Capacity = capacity;
        // The capacity is split exactly over the shards (fewer shards than 16 for a tiny cache), so the total is bounded.
        int count = Math.Min(MaxShards, capacity);
        shards = new Shard[count];
        for (int i = 0; i < count; i++) shards[i] = new Shard(capacity / count + (i < capacity % count ? 1 : 0));
    }

    /// <summary>The bound on entries.</summary>
    public int Capacity { get; }

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Lookups sent to the inner evaluator.</summary>
    public long Misses => Interlocked.Read(ref misses);

    /// <summary>Hits / (hits + misses); 0 before any lookup.</summary>
    public double HitRate
    {
        get
        {
            long h = Hits, m = Misses;
            return h + m == 0 ? 0 : (double)h / (h + m);
        }
    }

    /// <summary>Entries held now.</summary>
    public int Count => shards.Sum(s => s.Count);

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        if (states.Count == 0) return;
        int actions = states[0].Game.NumActions;
        if (priors.Length < states.Count * actions || values.Length < states.Count)
            throw new ArgumentException("priors/values spans are too small for the batch");
        var keys = new ulong[states.Count];
        var missing = new List<int>();
        var legal = new List<int>();
        for (int i = 0; i < states.Count; i++)
        {
            states[i].LegalActions(legal);
            ulong h = 0x9E3779B97F4A7C15UL;
            foreach (int a in legal) h = CacheKeys.Mix(h ^ (ulong)a);
            keys[i] = CacheKeys.Mix(key(states[i]) ^ h);
            if (ShardOf(keys[i]).TryGet(keys[i], priors.Slice(i * actions, actions), out float v)) values[i] = v;
            else missing.Add(i);
        }
        Interlocked.Add(ref hits, states.Count - missing.Count);
        if (missing.Count == 0) return;
        Interlocked.Add(ref misses, missing.Count);

        var batch = missing.Select(i => states[i]).ToList();
        var p = new float[batch.Count * actions];
        var vals = new float[batch.Count];
        inner.Evaluate(batch, p, vals);
        for (int j = 0; j < missing.Count; j++)
        {
            int i = missing[j];
            var row = p.AsSpan(j * actions, actions);
            row.CopyTo(priors.Slice(i * actions, actions));
            values[i] = vals[j];
            ShardOf(keys[i]).Put(keys[i], row.ToArray(), vals[j]);
        }
    }

    /// <summary>Drops every entry and zeroes the counters.</summary>
    public void Clear()
    {
        foreach (var s in shards) s.Clear();
        Interlocked.Exchange(ref hits, 0);
        Interlocked.Exchange(ref misses, 0);
    }

    private Shard ShardOf(ulong k) => shards[(int)((k >> 32) % (ulong)shards.Length)];

    /// <summary>One lock-protected LRU: a dictionary into a linked list, most recent first.</summary>
    private sealed class Shard(int capacity)
    {
        private readonly Dictionary<ulong, LinkedListNode<Entry>> map = new();
        private readonly LinkedList<Entry> order = new();
        private readonly Lock gate = new();

        public int Count
        {
            get { lock (gate) return map.Count; }
        }

        public bool TryGet(ulong k, Span<float> priors, out float value)
        {
            lock (gate)
            {
                if (!map.TryGetValue(k, out var node) || node.Value.Priors.Length != priors.Length)
                {
                    value = 0;
                    return false;
                }
                order.Remove(node);
                order.AddFirst(node);
                node.Value.Priors.CopyTo(priors);
                value = node.Value.Value;
                return true;
            }
        }

        public void Put(ulong k, float[] priors, float value)
        {
            lock (gate)
            {
                if (map.TryGetValue(k, out var existing))
                {
                    order.Remove(existing);
                    map.Remove(k);
                }
                while (map.Count >= capacity && order.Last is { } last)
                {
                    map.Remove(last.Value.Key);
                    order.RemoveLast();
                }
                map[k] = order.AddFirst(new Entry(k, priors, value));
            }
        }

        public void Clear()
        {
            lock (gate)
            {
                map.Clear();
                order.Clear();
            }
        }
    }

    private sealed record Entry(ulong Key, float[] Priors, float Value);
}
