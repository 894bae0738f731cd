using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Games;
using Sente.Search;

namespace Sente.Tests.Search;

public class BatchingEvaluatorTests
{
    [Fact]
    public void ConcurrentCallsAreMergedAndGetTheirOwnResults()
    {
        var inner = new HashEvaluator();
        var batching = new BatchingEvaluator(inner, maxBatch: 8, maxWait: TimeSpan.FromSeconds(20));
        IGameState[][] perThread = Enumerable.Range(0, 4)
            .Select(t => new IGameState[] { ConnectFour.FromMoves(t), ConnectFour.FromMoves(t, t + 1) }).ToArray();
        var got = new (float[] P, float[] V)[4];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var p = new float[2 * 7];
            var v = new float[2];
            batching.Evaluate(perThread[t], p, v);
            got[t] = (p, v);
        })).ToArray();
        foreach (Thread th in threads) th.Start();
        foreach (Thread th in threads) th.Join();
        Assert.Equal(1, inner.Calls);
        Assert.Equal(8, inner.LargestBatch);
        var direct = new HashEvaluator();
        for (int t = 0; t < 4; t++)
        {
            var p = new float[14];
            var v = new float[2];
            direct.Evaluate(perThread[t], p, v);
            Assert.Equal(p, got[t].P);
            Assert.Equal(v, got[t].V);
        }
    }

    [Fact]
    public void ALoneCallerIsServedAfterTheWaitAndErrorsReachTheCaller()
    {
        var batching = new BatchingEvaluator(new HashEvaluator(), maxBatch: 64, maxWait: TimeSpan.FromMilliseconds(5));
        var p = new float[7];
        var v = new float[1];
        batching.Evaluate([ConnectFour.FromMoves(3)], p, v);
        Assert.Equal(1f, p.Sum(), 5);
        Assert.Equal(1, batching.InnerCalls);

        var failing = new BatchingEvaluator(new ThrowingEvaluator(), 4, TimeSpan.FromMilliseconds(1));
        var e = Assert.Throws<InvalidOperationException>(() => failing.Evaluate([ConnectFour.FromMoves(3)], p, v));
        Assert.Contains("boom", e.Message);
    }

    [Fact]
    public void ParallelSearchThroughTheBatcherCountsExactly()
    {
        var batching = new BatchingEvaluator(new HashEvaluator(), maxBatch: 16, maxWait: TimeSpan.FromMilliseconds(2));
        var mcts = new Mcts(ConnectFour.Instance.NewInitialState(), batching,
                            new MctsOptions { Threads = 2, BatchSize = 4, VirtualLoss = 3 });
        SearchResult r = mcts.Search(new SearchLimits(Playouts: 600));
        Assert.Equal(599, r.Children.Sum(c => c.Visits));
        Assert.Equal(0, mcts.VirtualLossResidue());
    }

    private sealed class ThrowingEvaluator : IEvaluator
    {
        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values) =>
            throw new InvalidOperationException("boom");
    }
}
