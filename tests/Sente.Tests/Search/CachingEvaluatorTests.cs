using Sente.Core.Encoding;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Games;
using Sente.Go;
using Sente.Go.Features;
using Sente.Search.Caching;

namespace Sente.Tests.Search;

/// <summary>CachingEvaluator: hits return the inner evaluator's outputs unchanged without calling it, the bound holds,
/// concurrent use is safe and counted, and the encoded-planes key separates equal boards with different histories.</summary>
public class CachingEvaluatorTests
{
    /// <summary>A deterministic evaluator whose outputs depend on the position (priors from its hash, over legal moves).</summary>
    private sealed class HashEvaluator : IEvaluator
    {
        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
        {
            var legal = new List<int>();
            int n = states[0].Game.NumActions;
            for (int i = 0; i < states.Count; i++)
            {
                ulong h = CacheKeys.Mix(states[i].PositionHash);
                states[i].LegalActions(legal);
                Span<float> row = priors.Slice(i * n, n);
                row.Clear();
                float sum = 0;
                foreach (int a in legal) sum += row[a] = 1 + (float)((h >> (a % 48)) & 0xFF);
                foreach (int a in legal) row[a] /= sum;
                values[i] = (float)((h & 0xFFFF) / 32768.0 - 1);
            }
        }
    }

    private static List<IGameState> DistinctStates(int count, int seed = 1)
    {
        var seen = new HashSet<ulong>();
        var list = new List<IGameState>();
        var rng = new Random(seed);
        var legal = new List<int>();
        var game = new ConnectFour();
        while (list.Count < count)
        {
            var s = game.NewInitialState();
            int moves = rng.Next(0, 12);
            for (int m = 0; m < moves && !s.IsTerminal; m++)
            {
                s.LegalActions(legal);
                s.Apply(legal[rng.Next(legal.Count)]);
            }
            if (!s.IsTerminal && seen.Add(s.PositionHash)) list.Add(s);
        }
        return list;
    }

    private static (float[] P, float[] V) Run(IEvaluator ev, IReadOnlyList<IGameState> states)
    {
        int n = states[0].Game.NumActions;
        var p = new float[states.Count * n];
        var v = new float[states.Count];
        ev.Evaluate(states, p, v);
        return (p, v);
    }

    [Fact]
    public void AHitReturnsTheSameOutputsWithoutCallingTheInnerEvaluator()
    {
        var states = DistinctStates(20);
        var counting = new CountingEvaluator(new HashEvaluator());
        var cache = new CachingEvaluator(counting, capacity: 100);
        var first = Run(cache, states);
        Assert.Equal(20, counting.Positions);
        var second = Run(cache, states);
        Assert.Equal(20, counting.Positions);
        Assert.Equal(first.P, second.P);
        Assert.Equal(first.V, second.V);
        Assert.Equal(Run(new HashEvaluator(), states).P, second.P);
        Assert.Equal((20L, 20L, 0.5), (cache.Hits, cache.Misses, cache.HitRate));
    }

    [Fact]
    public void TheBoundHoldsAndTheLeastRecentlyUsedIsEvicted()
    {
        var states = DistinctStates(200);
        var counting = new CountingEvaluator(new HashEvaluator());
        var cache = new CachingEvaluator(counting, capacity: 40);
        foreach (var s in states)
        {
            Run(cache, [s]);
            Assert.True(cache.Count <= 40, $"{cache.Count} entries");
        }
        Assert.True(cache.Count >= 30, "the cache should be nearly full");
        long before = counting.Positions;
        Run(cache, [states[^1]]); // most recent: a hit
        Assert.Equal(before, counting.Positions);
        Run(cache, [states[0]]); // evicted long ago: a miss
        Assert.Equal(before + 1, counting.Positions);
        Assert.Throws<ArgumentException>(() => new CachingEvaluator(counting, 0));
    }

    [Fact]
    public void ConcurrentSearchThreadsGetCorrectResultsAndCountsAddUp()
    {
        var states = DistinctStates(60, seed: 2);
        var expected = Run(new HashEvaluator(), states);
        var cache = new CachingEvaluator(new HashEvaluator(), capacity: 32);
        int n = states[0].Game.NumActions;
        const int threads = 4, lookups = 2000;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var rng = new Random(t);
            for (int k = 0; k < lookups; k++)
            {
                int i = rng.Next(states.Count);
                var (p, v) = Run(cache, [states[i]]);
                Assert.Equal(expected.P.AsSpan(i * n, n).ToArray(), p);
                Assert.Equal(expected.V[i], v[0]);
            }
        });
        Assert.Equal(threads * lookups, cache.Hits + cache.Misses);
        Assert.True(cache.Hits > 0 && cache.Misses > 0);
        Assert.True(cache.Count <= 32);
    }

    [Fact]
    public void TheEncodedPlanesKeySeparatesEqualBoardsWithDifferentHistories()
    {
        var game = new GoGame(9);
        IGameState a = game.NewInitialState(), b = game.NewInitialState();
        foreach (int m in new[] { 10, 20, 30, 40 }) a.Apply(m);
        foreach (int m in new[] { 30, 40, 10, 20 }) b.Apply(m);
        Assert.Equal(a.PositionHash, b.PositionHash); // same stones, same player to move
        var key = CacheKeys.EncodedPlanes(StoneHistoryEncoder.AlphaGoZero(9));
        Assert.NotEqual(key(a), key(b));
        Assert.Equal(key(a), key(a.Clone()));
        var cache = new CachingEvaluator(new HashEvaluator(), 10, key);
        Run(cache, [a]);
        Run(cache, [b]);
        Assert.Equal(2, cache.Misses);
    }
}
