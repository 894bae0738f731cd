using System.Diagnostics;
using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search.Apv;

/// <summary>
/// AlphaGo's policy-and-value Monte Carlo tree search (APV-MCTS, Silver et al. 2016) on any game, with three separate
/// sources: priors P(s,a) from a prior evaluator (the SL policy network; only its priors are used), leaf values v(s_L)
/// from a value evaluator (the value network; only its values are used; none when lambda = 1) and rollouts z_L by an
/// <see cref="IRolloutPolicy"/> to the end of the game (none when lambda = 0).
/// <para>Selection: argmax_a Q(s,a) + u(s,a), u = c_puct P(s,a) sqrt(sum_b N(s,b)) / (1 + N(s,a)) (sqrt taken of at
/// least 1, so the first simulation of a node follows the highest prior), Q = (1 - lambda) W_v/N_v + lambda W_r/N_r.
/// Evaluation: the leaf's value (computed once per node and cached) and a fresh rollout per simulation; W_v and W_r are
/// backed up separately as in the paper. Expansion: see <see cref="ApvOptions.ExpansionThreshold"/>. Virtual loss:
/// see <see cref="ApvOptions.VirtualLoss"/>. A simulation that reaches the end of the game backs up the exact result
/// as both its value and its rollout outcome.</para>
/// <para>Execution: synchronous batches instead of the paper's asynchronous threads (see
/// <see cref="ApvOptions.BatchSize"/>); the same seed gives the same search when evaluators are deterministic. With
/// <see cref="ApvOptions.AsyncValues"/> the value network runs asynchronously on a thread of its own, as in the paper,
/// and only during <see cref="Search"/>.</para>
/// <para>Perspective: every Q and value reported is for the player to move at the root, in [-1, 1]. Not thread-safe:
/// one instance searches one game from one thread (rollouts may run on <see cref="ApvOptions.RolloutThreads"/>).</para>
/// </summary>
public sealed partial class ApvMcts
{
    private readonly IEvaluator _priors;
    private readonly IEvaluator? _values;
    private readonly IRolloutPolicy? _rollouts;
    private readonly IRootActionFilter? _filter;
    private readonly AsyncValueQueue? _async;
    private readonly IGameState _rootState;
    private readonly Rng _rng;
    private readonly int _maxRollout;
    private readonly Stopwatch _clock = new();
    private ApvNode _root = new();
    private int _completed;

    /// <param name="root">A non-terminal position (copied; not modified or kept).</param>
    /// <param name="priors">Source of P(s,a) (its values are ignored).</param>
    /// <param name="values">Source of v(s) (its priors are ignored); required unless lambda = 1.</param>
    /// <param name="rollouts">Rollout policy; required unless lambda = 0.</param>
    /// <param name="options">Search options (default: the paper's).</param>
    /// <param name="rootFilter">Optional hook forbidding root moves (Go's sensible passing).</param>
    /// <exception cref="ArgumentException">Bad options.</exception>
    public ApvMcts(IGameState root, IEvaluator priors, IEvaluator? values, IRolloutPolicy? rollouts,
                   ApvOptions? options = null, IRootActionFilter? rootFilter = null)
    {
        Options = (options ?? new ApvOptions()).Validate();
        _priors = priors;
        _values = Options.Lambda < 1 ? values : null;
        _rollouts = Options.Lambda > 0 ? rollouts : null;
        _filter = rootFilter;
        _rootState = root.Clone();
        _rng = new Rng(Options.Seed);
        _maxRollout = Options.MaxRolloutMoves ?? 2 * root.Game.MaxGameLength;
        if (Options.AsyncValues && _values is not null) _async = new AsyncValueQueue(_values, root.Game.NumActions, Options.BatchSize);
    }

    public ApvOptions Options { get; }

    /// <summary>The root position. Read it, never modify it (use <see cref="Advance"/>).</summary>
    public IGameState RootState => _rootState;

    /// <summary>Simulations completed through the root (reused ones included).</summary>
    public int RootVisits => _root.TotalN;

    /// <summary>Searches until a limit is reached (or <paramref name="cancel"/> fires; checked between batches) and
    /// returns the root statistics. Playouts and Visits of <paramref name="limits"/> count simulations.</summary>
    /// <exception cref="InvalidOperationException">The root is terminal.</exception>
    /// <exception cref="ArgumentException">A source lambda needs (value evaluator, rollout policy) is missing.</exception>
    public SearchResult Search(SearchLimits limits, CancellationToken cancel = default)
    {
        limits.Validate();
        if (Options.Lambda < 1 && _values is null)
            throw new ArgumentException($"APV-MCTS with lambda {Options.Lambda} needs a value evaluator (only lambda = 1, rollouts only, runs without)");
        if (Options.Lambda > 0 && _rollouts is null)
            throw new ArgumentException($"APV-MCTS with lambda {Options.Lambda} needs a rollout policy (only lambda = 0, value only, runs without)");
        _clock.Restart();
        _completed = 0;
        PrepareRoot();
        long budget = limits.Playouts ?? long.MaxValue;
        if (limits.Visits is { } v) budget = Math.Min(budget, Math.Max(0, v - RootVisits));
        var batch = new List<Simulation>(Options.BatchSize);
        _async?.Start();
        try
        {
            while (_completed < budget && !cancel.IsCancellationRequested && !(limits.Time is { } t && _clock.Elapsed >= t))
            {
                _async?.ThrowIfFailed();
                int size = (int)Math.Min(Options.BatchSize, budget - _completed);
                batch.Clear();
                for (int k = 0; k < size; k++)
                {
                    Simulation sim = Descend();
                    if (sim.Terminal) Backup(sim, sim.Outcome, sim.Outcome, true, true);
                    else batch.Add(sim);
                    _completed++;
                }
                if (batch.Count > 0) EvaluateAndBackup(batch);
            }
        }
        finally
        {
            _async?.Stop();
        }
        _clock.Stop();
        return Result();
    }

    /// <summary>Expands and filters the root without simulating (a search of zero simulations: <see cref="Result"/>
    /// then ranks the allowed moves by prior, which is the policy network playing alone).</summary>
    public SearchResult PriorsOnly()
    {
        _clock.Restart();
        _completed = 0;
        PrepareRoot();
        _clock.Stop();
        return Result();
    }

    /// <summary>Plays <paramref name="action"/> at the root; with <see cref="ApvOptions.ReuseTree"/> its subtree becomes
    /// the new root (the root filter is applied afresh at the next search).</summary>
    public void Advance(int action)
    {
        _rootState.Apply(action);
        int i = _root.Expanded ? _root.IndexOf(action) : -1;
        _root = Options.ReuseTree && i >= 0 && _root.Children[i] is { } child ? child : new ApvNode();
        _root.Excluded = null;
        _async?.Clear(); // the nodes of the kept subtree are queued again when a simulation passes them
    }

    /// <summary>With <see cref="ApvOptions.AsyncValues"/>: queues <paramref name="node"/>'s value unless it has one or
    /// waits for it (<paramref name="state"/> is its position; copied).</summary>
    private void RequestValue(ApvNode node, IGameState state)
    {
        if (_async is not null && !node.HasValue && !node.ValueQueued) _async.Enqueue(node, state.Clone());
    }

    private void PrepareRoot()
    {
        if (_rootState.IsTerminal) throw new InvalidOperationException("ApvMcts: the root position is terminal");
        if (!_root.Expanded) Expand([_root], [_rootState]);
        else RequestValue(_root, _rootState);
        if (_filter is not null && _root.Excluded is null)
        {
            var excluded = new bool[_root.Actions.Length];
            int allowed = 0;
            for (int i = 0; i < excluded.Length; i++)
                if (!(excluded[i] = !_filter.Allows(_rootState, _root.Actions[i]))) allowed++;
            _root.Excluded = allowed > 0 && allowed < excluded.Length ? excluded : null;
        }
    }

    /// <summary>Creates the edges of <paramref name="nodes"/> with one call to the prior evaluator (and, with
    /// <see cref="ApvValueAt.Expansion"/> or <see cref="ApvValueAt.Node"/>, gives them their values with one call to the
    /// value evaluator, or queues them with <see cref="ApvOptions.AsyncValues"/>).</summary>
    private void Expand(List<ApvNode> nodes, List<IGameState> states)
    {
        if (Options.ValueAt != ApvValueAt.Visit)
        {
            if (_async is null) EvaluateValues(nodes, states);
            else for (int i = 0; i < nodes.Count; i++) RequestValue(nodes[i], states[i]);
        }
        int actions = _rootState.Game.NumActions;
        var priors = new float[states.Count * actions];
        var values = new float[states.Count];
        _priors.Evaluate(states, priors, values);
        var legal = new List<int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            states[i].LegalActions(legal);
            if (legal.Count == 0) throw new InvalidOperationException("ApvMcts: a non-terminal position has no legal action");
            nodes[i].Expand(legal, priors.AsSpan(i * actions, actions));
            nodes[i].ExpansionQueued = false;
        }
    }
}
