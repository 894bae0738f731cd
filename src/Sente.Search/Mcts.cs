using System.Diagnostics;
using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search;

/// <summary>
/// Monte Carlo tree search with PUCT (AlphaGo Zero): priors and values from an <see cref="IEvaluator"/>, optional
/// Dirichlet root noise, virtual loss, batched leaf evaluation, several threads per tree, tree reuse between moves.
/// <para>One instance searches one game. <see cref="Search"/> may use several threads internally, but the public
/// methods themselves must not be called concurrently. To feed many games into one evaluator call, see
/// <see cref="MctsBatch"/>.</para>
/// <para>Perspective: every Q and value reported is for the player to move at the root, in [-1, 1].</para>
/// </summary>
public sealed partial class Mcts
{
    private readonly IEvaluator _evaluator;
    private readonly IRootActionFilter? _filter;
    private readonly IGameState _rootState;
    private readonly Rng _noiseRng;
    private readonly Stack<Slot> _freeSlots = new();
    private readonly List<Slot> _allSlots = [];
    private Node _root = new();

    // State of the search in progress (BeginSearch .. EndSearch).
    private bool _searching;
    private long _budget;
    private long _reserved;
    private int _completed;
    private readonly Stopwatch _clock = new();
    private TimeSpan? _timeLimit;
    private CancellationToken _cancel;
    private volatile bool _failed; // an evaluation threw: other threads stop starting playouts

    /// <summary>A search rooted at a private copy of <paramref name="root"/> (which is not modified or kept).</summary>
    /// <param name="root">A non-terminal position.</param>
    /// <param name="evaluator">Priors and values for leaves; must accept concurrent calls when <see cref="MctsOptions.Threads"/> &gt; 1.</param>
    /// <param name="options">Search options (default: <see cref="MctsOptions"/> defaults).</param>
    /// <param name="rootFilter">Optional hook that forbids root moves (e.g. <see cref="NoLosingPassFilter"/>).</param>
    public Mcts(IGameState root, IEvaluator evaluator, MctsOptions? options = null, IRootActionFilter? rootFilter = null)
    {
        Options = (options ?? new MctsOptions()).Validate();
        _evaluator = evaluator;
        _filter = rootFilter;
        _rootState = root.Clone();
        _noiseRng = new Rng(Options.Seed);
    }

    public MctsOptions Options { get; }

    /// <summary>The game being searched.</summary>
    public IGame Game => _rootState.Game;

    /// <summary>The root position. Read it, never modify it (use <see cref="Advance"/>).</summary>
    public IGameState RootState => _rootState;

    /// <summary>Visits of the root: its own evaluation plus every playout through it (0 before the first search).</summary>
    public int RootVisits => _root.State == Node.Expanded ? 1 + _root.TotalN : 0;

    /// <summary>Searches until a limit of <paramref name="limits"/> is reached (or <paramref name="cancel"/> fires) and
    /// returns the root statistics. Uses <see cref="MctsOptions.Threads"/> threads, each evaluating
    /// <see cref="MctsOptions.BatchSize"/> leaves per evaluator call.</summary>
    public SearchResult Search(SearchLimits limits, CancellationToken cancel = default)
    {
        BeginSearch(limits, cancel);
        try
        {
            if (Options.Threads == 1) Worker();
            else
            {
                var threads = new Task[Options.Threads];
                for (int t = 0; t < threads.Length; t++) threads[t] = Task.Factory.StartNew(Worker, TaskCreationOptions.LongRunning);
                try { Task.WaitAll(threads); }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1) { throw e.InnerExceptions[0]; }
            }
        }
        finally
        {
            EndSearch();
        }
        return Result();
    }

    /// <summary>Plays <paramref name="action"/> at the root; with <see cref="MctsOptions.ReuseTree"/> its subtree
    /// (visits, values, priors) becomes the new root. Root noise is drawn afresh at the next search.</summary>
    /// <exception cref="InvalidOperationException">The action is illegal, or a search is running.</exception>
    public void Advance(int action)
    {
        if (_searching) throw new InvalidOperationException("Mcts.Advance: a search is running");
        _rootState.Apply(action); // throws on an illegal action before anything else changes
        foreach (Slot s in _allSlots) s.State.Apply(action);
        int i = _root.State == Node.Expanded ? _root.IndexOf(action) : -1;
        _root = Options.ReuseTree && i >= 0 && _root.Children[i] is { } child ? child : new Node();
    }

    private void Worker()
    {
        var slots = new List<Slot>(Options.BatchSize);
        var states = new List<IGameState>(Options.BatchSize);
        int numActions = Game.NumActions;
        var priors = new float[Options.BatchSize * numActions];
        var values = new float[Options.BatchSize];
        var spin = new SpinWait();
        while (true)
        {
            slots.Clear();
            CollectStatus status = Collect(Options.BatchSize, slots);
            if (slots.Count == 0)
            {
                if (status == CollectStatus.Exhausted) return;
                if (status == CollectStatus.Collision) spin.SpinOnce(); // another thread's pending leaf: let it finish
                continue;
            }
            spin.Reset();
            EvaluateAndComplete(_evaluator, slots, states, priors, values, numActions);
        }
    }

    /// <summary>Starts a search driven from outside (<see cref="MctsBatch"/>): sets the budget and prepares the root.</summary>
    internal void BeginSearch(SearchLimits limits, CancellationToken cancel)
    {
        limits.Validate();
        if (_searching) throw new InvalidOperationException("Mcts: a search is already running");
        if (_rootState.IsTerminal) throw new InvalidOperationException("Mcts: the root position is terminal");
        long budget = limits.Playouts ?? long.MaxValue;
        if (limits.Visits is { } v) budget = Math.Min(budget, Math.Max(0, v - RootVisits));
        _budget = budget;
        _reserved = 0;
        _completed = 0;
        _timeLimit = limits.Time;
        _cancel = cancel;
        _failed = false;
        _searching = true;
        _clock.Restart();
        if (_root.State == Node.Expanded) PrepareRoot(_root);
    }

    internal void EndSearch()
    {
        _clock.Stop();
        _searching = false;
    }

    /// <summary>Applies root-only settings to an expanded root: the action filter and fresh Dirichlet noise.</summary>
    private void PrepareRoot(Node root)
    {
        if (_filter is not null && root.Excluded is null)
        {
            var excluded = new bool[root.Actions.Length];
            IGameState probe = _rootState.Clone(); // other threads may be cloning _rootState for their slots
            int allowed = 0;
            for (int i = 0; i < excluded.Length; i++)
                if (!(excluded[i] = !_filter.Allows(probe, root.Actions[i]))) allowed++;
            root.Excluded = allowed > 0 && allowed < excluded.Length ? excluded : null;
        }
        if (Options.RootNoise && root.CleanPriors is null && root.Actions.Length > 0)
        {
            int n = root.Actions.Length;
            double alpha = Options.DirichletAlpha ?? 0.03 * 361 / n;
            Span<double> noise = n <= 512 ? stackalloc double[n] : new double[n];
            Dirichlet.Sample(_noiseRng, alpha, noise);
            root.CleanPriors = (float[])root.Priors.Clone();
            double eps = Options.DirichletEpsilon;
            for (int i = 0; i < n; i++) root.Priors[i] = (float)((1 - eps) * root.CleanPriors[i] + eps * noise[i]);
        }
    }

    /// <summary>Pending-playout (virtual loss) counts left anywhere in the tree; 0 whenever no search is running.</summary>
    internal long VirtualLossResidue() => Node.PendingResidue(_root);
}
