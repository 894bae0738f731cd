using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Games;
using Sente.Search;
using Sente.Search.Apv;

namespace Sente.Tests.Search;

/// <summary>Uniform priors and a constant value for the player to move; counts the states it evaluates.</summary>
internal sealed class ConstantEvaluator(float value) : IEvaluator
{
    public int States;

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        States += states.Count;
        int n = states[0].Game.NumActions;
        var legal = new List<int>();
        priors[..(states.Count * n)].Clear();
        for (int i = 0; i < states.Count; i++)
        {
            states[i].LegalActions(legal);
            foreach (int a in legal) priors[i * n + a] = 1f / legal.Count;
            values[i] = value;
        }
    }
}

/// <summary>Plays the first legal action (deterministic); counts its calls.</summary>
internal sealed class FirstLegalRollout : IRolloutPolicy
{
    public int Calls;

    public int ChooseAction(IGameState state, Rng rng)
    {
        Interlocked.Increment(ref Calls);
        var legal = new List<int>();
        state.LegalActions(legal);
        return legal[0];
    }

    /// <summary>The rollout outcome from <paramref name="state"/> for <paramref name="player"/>.</summary>
    public static double Outcome(IGameState state, int player)
    {
        IGameState s = state.Clone();
        var legal = new List<int>();
        while (!s.IsTerminal)
        {
            s.LegalActions(legal);
            s.Apply(legal[0]);
        }
        return s.Returns(player);
    }
}

public class ApvMctsTests
{
    private static IGameState Empty() => TicTacToe.Instance.NewInitialState();

    [Fact]
    public void LambdaZeroIgnoresRolloutsAndLambdaOneIgnoresTheValue()
    {
        var values = new ConstantEvaluator(0.5f);
        var rollouts = new FirstLegalRollout();
        var valueOnly = new ApvMcts(Empty(), new ConstantEvaluator(0), values, rollouts, new ApvOptions { Lambda = 0, ExpansionThreshold = 1 });
        SearchResult r = valueOnly.Search(new SearchLimits(Playouts: 60));
        Assert.Equal(0, rollouts.Calls);
        Assert.True(values.States > 0);
        foreach (ChildStats c in r.Children)
        {
            var e = valueOnly.RootEdge(c.Action)!.Value;
            Assert.Equal(0, e.Nr);
            Assert.Equal(e.N, e.Nv);
            if (e.N > 0) Assert.Equal(e.Wv / e.Nv, c.Q, 9);
        }

        values = new ConstantEvaluator(0.5f);
        var rolloutOnly = new ApvMcts(Empty(), new ConstantEvaluator(0), values, rollouts, new ApvOptions { Lambda = 1 });
        r = rolloutOnly.Search(new SearchLimits(Playouts: 60));
        Assert.Equal(0, values.States);
        Assert.True(rollouts.Calls > 0);
        foreach (ChildStats c in r.Children)
        {
            var e = rolloutOnly.RootEdge(c.Action)!.Value;
            Assert.Equal(0, e.Nv);
            if (e.N > 0) Assert.Equal(e.Wr / e.Nr, c.Q, 9);
        }
    }

    [Fact]
    public void MixedLeafValueIsTheLambdaAverageOfValueAndRollout()
    {
        // Depth-one tree (no child reaches the threshold): every simulation evaluates a root child, whose value for
        // its player to move (O) is 0.6, i.e. -0.6 for X; its rollout (first legal moves) has a known outcome.
        IGameState root = Empty();
        foreach (double lambda in new[] { 0.5, 0.25 })
        {
            var mcts = new ApvMcts(root, new ConstantEvaluator(0), new ConstantEvaluator(0.6f), new FirstLegalRollout(),
                new ApvOptions { Lambda = lambda, ExpansionThreshold = 1000 });
            SearchResult r = mcts.Search(new SearchLimits(Playouts: 40));
            foreach (ChildStats c in r.Children.Where(c => c.Visits > 0))
            {
                IGameState child = root.Clone();
                child.Apply(c.Action);
                double z = FirstLegalRollout.Outcome(child, 0);
                Assert.Equal((1 - lambda) * -0.6 + lambda * z, c.Q, 6);
                var e = mcts.RootEdge(c.Action)!.Value;
                Assert.Equal(e.N, e.Nv);
                Assert.Equal(e.N, e.Nr);
            }
        }
    }

    [Fact]
    public void ValueAtExpansionBacksUpTheValueOfTheNodeTheSimulationLeft()
    {
        // Depth-one tree again, values at expansion: the only tree node is the root, evaluated once, whose value 0.6 is
        // for X (to move there); every simulation that stops at a root child backs it up.
        IGameState root = Empty();
        foreach (double lambda in new[] { 0.5, 0.25 })
        {
            var values = new ConstantEvaluator(0.6f);
            var mcts = new ApvMcts(root, new ConstantEvaluator(0), values, new FirstLegalRollout(),
                new ApvOptions { Lambda = lambda, ExpansionThreshold = 1000, ValueAt = ApvValueAt.Expansion });
            SearchResult r = mcts.Search(new SearchLimits(Playouts: 40));
            Assert.Equal(1, values.States);
            foreach (ChildStats c in r.Children.Where(c => c.Visits > 0))
            {
                IGameState child = root.Clone();
                child.Apply(c.Action);
                Assert.Equal((1 - lambda) * 0.6 + lambda * FirstLegalRollout.Outcome(child, 0), c.Q, 6);
                var e = mcts.RootEdge(c.Action)!.Value;
                Assert.Equal(e.N, e.Nv);
            }
        }
    }

    [Fact]
    public void ValueAtNodeScoresAnEdgeByItsRolloutsUntilItsSuccessorHasAValue()
    {
        // Depth-one tree: the root is the only node with a value; its children never join the tree, so with values at
        // nodes no root edge gets a value visit and each is scored by its rollout alone, whatever lambda.
        IGameState root = Empty();
        foreach (double lambda in new[] { 0.5, 0.25 })
        {
            var values = new ConstantEvaluator(0.6f);
            var mcts = new ApvMcts(root, new ConstantEvaluator(0), values, new FirstLegalRollout(),
                new ApvOptions { Lambda = lambda, ExpansionThreshold = 1000, ValueAt = ApvValueAt.Node });
            SearchResult r = mcts.Search(new SearchLimits(Playouts: 40));
            Assert.Equal(1, values.States);
            foreach (ChildStats c in r.Children.Where(c => c.Visits > 0))
            {
                IGameState child = root.Clone();
                child.Apply(c.Action);
                Assert.Equal(FirstLegalRollout.Outcome(child, 0), c.Q, 6);
                var e = mcts.RootEdge(c.Action)!.Value;
                Assert.Equal((0, e.N), (e.Nv, e.Nr));
            }
        }

        // Children that join the tree get their own value: their root edges then count value visits, one fewer than
        // their visits (the visit that expanded a child backs up the child's value; the ones before it none), and Q
        // mixes the two halves again.
        var deep = new ApvMcts(root, new ConstantEvaluator(0), new ConstantEvaluator(0.6f), new FirstLegalRollout(),
            new ApvOptions { Lambda = 0.5, ExpansionThreshold = 2, BatchSize = 1, ValueAt = ApvValueAt.Node });
        SearchResult d = deep.Search(new SearchLimits(Playouts: 60));
        var expanded = d.Children.Where(c => deep.IsRootChildExpanded(c.Action)).ToList();
        Assert.NotEmpty(expanded);
        foreach (ChildStats c in expanded)
        {
            var e = deep.RootEdge(c.Action)!.Value;
            Assert.Equal(e.N - 1, e.Nv);
            Assert.Equal(0.5 * e.Wv / e.Nv + 0.5 * e.Wr / e.Nr, c.Q, 9);
        }
        Assert.Equal(0, deep.VirtualLossResidue());
    }

    [Theory]
    [InlineData(ApvValueAt.Visit)]
    [InlineData(ApvValueAt.Expansion)]
    [InlineData(ApvValueAt.Node)]
    public void ValueAtExpansionEvaluatesExactlyTheNodesThatJoinTheTree(ApvValueAt at)
    {
        var priors = new ConstantEvaluator(0);
        var values = new ConstantEvaluator(0.1f);
        new ApvMcts(Empty(), priors, values, new UniformRolloutPolicy(),
            new ApvOptions { ExpansionThreshold = 3, ValueAt = at, Seed = 4 }).Search(new SearchLimits(Playouts: 200));
        Assert.True(priors.States > 5);
        if (at != ApvValueAt.Visit) Assert.Equal(priors.States, values.States);
        else Assert.True(values.States > priors.States); // every distinct position reached, most never expanded
    }

    [Fact]
    public void FpuReductionKeepsALosingSearchOnItsPriorsMoves()
    {
        // Every position is worth -0.8 to the first player (X), so each root move scores -0.8 once visited; all the
        // prior is on the centre. With the paper's unvisited Q of 0, the moves of prior 0 look better unvisited
        // than the centre and get tried; Leela Zero's reduced first-play urgency keeps the search on the centre.
        SearchResult Run(double? reduction) => new ApvMcts(Empty(), new OneMovePriors(4, -0.8f), new OneMovePriors(4, -0.8f), null,
            new ApvOptions { Lambda = 0, ExpansionThreshold = 1, BatchSize = 1, FpuReduction = reduction }).Search(new SearchLimits(Playouts: 50));
        SearchResult paper = Run(null);
        Assert.True(paper.Children.Count(c => c.Visits > 0) > 1, string.Join(" ", paper.Children.Select(c => $"{c.Action}:{c.Visits}:{c.Q:0.00}")));
        SearchResult reduced = Run(0.5);
        Assert.Equal(4, reduced.BestAction);
        Assert.Equal(1, reduced.Children.Count(c => c.Visits > 0));
        Assert.Throws<ArgumentException>(() => new ApvOptions { FpuReduction = -0.1 }.Validate());
    }

    /// <summary>All the prior on one action (uniform when it is illegal) and a constant value for player 0, whoever
    /// is to move.</summary>
    private sealed class OneMovePriors(int action, float valueForPlayer0) : IEvaluator
    {
        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
        {
            int n = states[0].Game.NumActions;
            var legal = new List<int>();
            priors[..(states.Count * n)].Clear();
            for (int i = 0; i < states.Count; i++)
            {
                states[i].LegalActions(legal);
                if (legal.Contains(action)) priors[i * n + action] = 1;
                else foreach (int a in legal) priors[i * n + a] = 1f / legal.Count;
                values[i] = states[i].CurrentPlayer == 0 ? valueForPlayer0 : -valueForPlayer0;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void ExpansionThresholdDelaysExpansion(int threshold)
    {
        var priors = new ConstantEvaluator(0);
        var mcts = new ApvMcts(Empty(), priors, new HashEvaluator(), null,
            new ApvOptions { Lambda = 0, ExpansionThreshold = threshold, BatchSize = 1 });
        SearchResult r = mcts.Search(new SearchLimits(Playouts: 50));
        int expanded = 0;
        foreach (ChildStats c in r.Children)
        {
            Assert.Equal(c.Visits >= threshold, mcts.IsRootChildExpanded(c.Action));
            if (c.Visits >= threshold) expanded++;
        }
        Assert.True(expanded > 0);
        // One prior evaluation for the root and one per expanded node.
        Assert.True(priors.States >= 1 + expanded);
        if (threshold > 1) Assert.True(priors.States < 50);
    }

    [Fact]
    public void VirtualLossSpreadsTheSimulationsOfOneBatch()
    {
        var values = new ConstantEvaluator(0);
        var mcts = new ApvMcts(Empty(), new ConstantEvaluator(0), values, null,
            new ApvOptions { Lambda = 0, BatchSize = 8, VirtualLoss = 3 });
        SearchResult r = mcts.Search(new SearchLimits(Playouts: 8));
        Assert.Equal(8, r.Children.Count(c => c.Visits == 1));
        Assert.Equal(8, values.States);          // one batched call, eight distinct leaves
        Assert.Equal(0, mcts.VirtualLossResidue());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void FindsTheWinningMove(double lambda)
    {
        // X: 0 1, O: 3 4, X to move: 2 wins at once (and O threatens 5).
        IGameState s = TicTacToe.FromMoves(0, 3, 1, 4);
        var mcts = new ApvMcts(s, new ConstantEvaluator(0), new ConstantEvaluator(0), new UniformRolloutPolicy(),
            new ApvOptions { Lambda = lambda, ExpansionThreshold = 2, Seed = 3 });
        SearchResult r = mcts.Search(new SearchLimits(Playouts: 300));
        Assert.Equal(2, r.BestAction);
        Assert.True(mcts.MaxRootQ() > 0.9);
        Assert.Equal(0, mcts.VirtualLossResidue());
    }

    [Fact]
    public void SameSeedSameSearchAndParallelRolloutsDoNotChangeIt()
    {
        SearchResult Run(int threads, bool overlap = false, ApvValueAt at = ApvValueAt.Visit) => new ApvMcts(Empty(), new HashEvaluator(), new HashEvaluator(), new UniformRolloutPolicy(),
            new ApvOptions { Seed = 9, RolloutThreads = threads, ExpansionThreshold = 2, OverlapNetworks = overlap, ValueAt = at }).Search(new SearchLimits(Playouts: 120));
        foreach (ApvValueAt at in Enum.GetValues<ApvValueAt>())
        {
            SearchResult a = Run(1, at: at), b = Run(1, at: at), c = Run(2, at: at);
            Assert.Equal(a.Policy, b.Policy);
            Assert.Equal(a.Policy, c.Policy);
            Assert.Equal(a.RootValue, c.RootValue, 12);
            // Networks beside the rollouts: the same search (the evaluators hash the leaf states, so a rollout touching
            // a state the networks read would change it).
            foreach (SearchResult d in new[] { Run(1, overlap: true, at: at), Run(2, overlap: true, at: at) })
            {
                Assert.Equal(a.Policy, d.Policy);
                Assert.Equal(a.RootValue, d.RootValue, 12);
            }
        }
        Assert.NotEqual(Run(1).RootValue, Run(1, at: ApvValueAt.Expansion).RootValue);
    }

    [Fact]
    public void OverlapRunsTheNetworksOnAnotherThreadAndPassesTheirErrorsOn()
    {
        int searchThread = Environment.CurrentManagedThreadId;
        var seen = new ThreadRecordingEvaluator();
        var mcts = new ApvMcts(Empty(), seen, seen, new UniformRolloutPolicy(),
            new ApvOptions { Seed = 2, ExpansionThreshold = 1, OverlapNetworks = true });
        mcts.Search(new SearchLimits(Playouts: 64));
        // Only the root's own evaluation (before the first batch) runs on the search thread.
        Assert.True(seen.Threads.Count(t => t != searchThread) >= 8, string.Join(",", seen.Threads));
        Assert.InRange(seen.Threads.Count(t => t == searchThread), 0, 2);
        Assert.Equal(0, mcts.VirtualLossResidue());

        var failing = new ApvMcts(Empty(), seen, new ThreadRecordingEvaluator { Fail = true }, new UniformRolloutPolicy(),
            new ApvOptions { OverlapNetworks = true });
        Assert.Equal("value network failed", Assert.Throws<InvalidOperationException>(() => failing.Search(new SearchLimits(Playouts: 16))).Message);
    }

    private sealed class ThreadRecordingEvaluator : IEvaluator
    {
        private readonly HashEvaluator _inner = new();
        public readonly System.Collections.Concurrent.ConcurrentBag<int> Threads = [];
        public bool Fail { get; init; }

        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            if (Fail) throw new InvalidOperationException("value network failed");
            _inner.Evaluate(states, priors, values);
        }
    }

    [Fact]
    public void AsyncValuesRunBesideTheSearchAndCountOnceTheyArrive()
    {
        // The value evaluator is held until the 40th rollout, which then waits for the root's value. The first 39
        // simulations therefore back up no value; with values at expansion every later one that stops below the root
        // takes the root's. Nothing is evaluated on the search thread, and nothing after the search returns.
        int searchThread = Environment.CurrentManagedThreadId;
        var values = new GatedValues(0.6f);
        var mcts = new ApvMcts(Empty(), new ConstantEvaluator(0), values, new GateOpeningRollout(values, openAt: 40, waitForStates: 1),
            new ApvOptions { Lambda = 0.5, ExpansionThreshold = 3, BatchSize = 1, ValueAt = ApvValueAt.Expansion, AsyncValues = true, Seed = 5 });
        SearchResult r = mcts.Search(new SearchLimits(Playouts: 300));
        Assert.Equal(0, values.InFlight);
        int calls = values.Calls;
        Assert.True(calls >= 1);
        Assert.DoesNotContain(searchThread, values.Threads);
        var edges = r.Children.Select(c => mcts.RootEdge(c.Action)!.Value).ToList();
        int n = edges.Sum(e => e.N), nv = edges.Sum(e => e.Nv), nr = edges.Sum(e => e.Nr);
        Assert.Equal(300, n);
        Assert.Equal(n, nr);
        Assert.InRange(nv, 1, n - 39); // the 40th backs up after its rollout, by then with the root's value
        Assert.Equal(0, mcts.VirtualLossResidue());
        Thread.Sleep(50);
        Assert.Equal(calls, values.Calls);

        // A value threshold gives leaves their own values before they join the tree: in a depth-one tree with values at
        // nodes the root edges then count value visits (without it they never do; see ValueAtNode... above).
        values = new GatedValues(0.6f);
        var early = new ApvMcts(Empty(), new ConstantEvaluator(0), values, new GateOpeningRollout(values, openAt: 40, waitForStates: 3),
            new ApvOptions { ExpansionThreshold = 1000, ValueThreshold = 2, BatchSize = 1, ValueAt = ApvValueAt.Node, AsyncValues = true, Seed = 5 });
        SearchResult er = early.Search(new SearchLimits(Playouts: 300));
        Assert.True(er.Children.Sum(c => early.RootEdge(c.Action)!.Value.Nv) > 0);
        Assert.Equal(0, early.VirtualLossResidue());
        Assert.Contains("ValueThreshold", Assert.Throws<ArgumentException>(() => new ApvOptions { ValueThreshold = 2 }.Validate()).Message);

        // Values at nodes, the tree kept between searches: the queue survives Advance (nodes are asked for again) and
        // the search stays consistent.
        var free = new ApvMcts(Empty(), new ConstantEvaluator(0), new ConstantEvaluator(0.2f), new UniformRolloutPolicy(),
            new ApvOptions { ExpansionThreshold = 2, ValueAt = ApvValueAt.Node, AsyncValues = true });
        SearchResult f = free.Search(new SearchLimits(Playouts: 200));
        free.Advance(f.BestAction);
        free.Search(new SearchLimits(Playouts: 200));
        Assert.Equal(0, free.VirtualLossResidue());

        var failing = new ApvMcts(Empty(), new ConstantEvaluator(0), new ThreadRecordingEvaluator { Fail = true }, new UniformRolloutPolicy(),
            new ApvOptions { ValueAt = ApvValueAt.Node, AsyncValues = true });
        Assert.Contains("value network failed", Assert.Throws<InvalidOperationException>(() => failing.Search(new SearchLimits(Playouts: 2000))).Message);

        Assert.Contains("Expansion or Node", Assert.Throws<ArgumentException>(() => new ApvOptions { AsyncValues = true }.Validate()).Message);
        Assert.Contains("0 < lambda < 1", Assert.Throws<ArgumentException>(() =>
            new ApvOptions { AsyncValues = true, ValueAt = ApvValueAt.Node, Lambda = 1 }.Validate()).Message);
    }

    /// <summary>Constant values, held until <see cref="Gate"/> opens; records its threads and calls in progress.</summary>
    private sealed class GatedValues(float value) : IEvaluator
    {
        private readonly ConstantEvaluator _inner = new(value);
        public readonly ManualResetEventSlim Gate = new(false);
        public readonly System.Collections.Concurrent.ConcurrentBag<int> Threads = [];
        public int Calls, States, InFlight;

        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
        {
            Interlocked.Increment(ref InFlight);
            try
            {
                Threads.Add(Environment.CurrentManagedThreadId);
                if (!Gate.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("the gate never opened");
                _inner.Evaluate(states, priors, values);
                Interlocked.Add(ref States, states.Count);
                Interlocked.Increment(ref Calls);
            }
            finally { Interlocked.Decrement(ref InFlight); }
        }
    }

    /// <summary>Uniform rollouts; the <c>openAt</c>-th opens the gate and waits until that many states are evaluated.</summary>
    private sealed class GateOpeningRollout(GatedValues values, int openAt, int waitForStates) : IRolloutPolicy
    {
        private readonly UniformRolloutPolicy _inner = new();
        private int _rollouts;

        public int ChooseAction(IGameState state, Rng rng) => _inner.ChooseAction(state, rng);

        public double Rollout(IGameState state, int player, Rng rng, int maxMoves)
        {
            if (++_rollouts == openAt)
            {
                values.Gate.Set();
                if (!SpinWait.SpinUntil(() => Volatile.Read(ref values.States) >= waitForStates, TimeSpan.FromSeconds(30)))
                    throw new TimeoutException("the values never arrived");
            }
            return ((IRolloutPolicy)_inner).Rollout(state, player, rng, maxMoves);
        }
    }

    [Fact]
    public void MissingSourcesAndBadOptionsAreRefused()
    {
        var ev = new ConstantEvaluator(0);
        Assert.Contains("rollout policy", Assert.Throws<ArgumentException>(() =>
            new ApvMcts(Empty(), ev, ev, null, new ApvOptions { Lambda = 0.5 }).Search(new SearchLimits(Playouts: 1))).Message);
        Assert.Contains("value evaluator", Assert.Throws<ArgumentException>(() =>
            new ApvMcts(Empty(), ev, null, new UniformRolloutPolicy(), new ApvOptions { Lambda = 0.5 }).Search(new SearchLimits(Playouts: 1))).Message);
        Assert.Throws<ArgumentException>(() => new ApvOptions { Lambda = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new ApvOptions { ExpansionThreshold = 0 }.Validate());
        // Zero simulations: the highest prior (the policy network alone) needs neither values nor rollouts.
        Assert.Equal(0, new ApvMcts(Empty(), new HashEvaluator(), null, null).PriorsOnly().Children[0].Visits);
    }

    [Fact]
    public void TreeReuseKeepsTheSubtreeAndTimeLimitStops()
    {
        var mcts = new ApvMcts(Empty(), new HashEvaluator(), new HashEvaluator(), new UniformRolloutPolicy(), new ApvOptions { ExpansionThreshold = 1, BatchSize = 1 });
        SearchResult r = mcts.Search(new SearchLimits(Playouts: 100));
        int best = r.BestAction, kept = r.Children[0].Visits;
        mcts.Advance(best);
        Assert.Equal(kept - 1, mcts.RootVisits);   // the child's first visit was its own evaluation as a leaf
        SearchResult t = mcts.Search(new SearchLimits(Time: TimeSpan.FromMilliseconds(50)));
        Assert.True(t.Playouts > 0);
    }
}
