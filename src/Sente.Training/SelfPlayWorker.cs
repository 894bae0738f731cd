using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Search;

namespace Sente.Training;

/// <summary>
/// Produces self-play games as a service. Only serializable values and service interfaces cross it, so a worker
/// and the replay buffer need not share a process. Implementations document their thread-safety.
/// </summary>
public interface ISelfPlayWorker
{
    /// <summary>Plays <paramref name="games"/> games; game i uses a seed derived from <paramref name="seed"/> and i,
    /// so the same call gives the same games with a deterministic evaluator. Each finished game is added to
    /// <paramref name="sink"/> (when given) before the next round of search; all games are also returned.</summary>
    Task<IReadOnlyList<SelfPlayRecord>> PlayAsync(int games, ulong seed, IReplayBuffer? sink = null, CancellationToken cancel = default);
}

/// <summary>
/// AlphaGo Zero self-play: <see cref="SelfPlayOptions.ParallelGames"/> games searched in lockstep with
/// <see cref="MctsBatch"/> (one evaluator call per round), root noise, temperature schedule, tree reuse,
/// resignation with a disabled fraction. Runs on the calling task's thread pool thread; not thread-safe
/// (use one worker per thread).
/// </summary>
public sealed class SelfPlayWorker(IGame game, IEvaluator evaluator, SelfPlayOptions? options = null) : ISelfPlayWorker
{
    private readonly SelfPlayOptions _options = (options ?? new SelfPlayOptions()).Validate();

    private sealed class Live
    {
        public required Mcts Tree;
        public required IGameState State;
        public required Rng Rng;
        public required ulong Seed;
        public required bool ResignDisabled;
        public readonly List<MoveRecord> Moves = [];
        public int WouldResign = -1;
    }

    public Task<IReadOnlyList<SelfPlayRecord>> PlayAsync(int games, ulong seed, IReplayBuffer? sink = null, CancellationToken cancel = default) =>
        PlayAsync(games, seed, sink is null ? null : g => sink.AddAsync(g, cancel), cancel);

    /// <summary>In-process variant: <paramref name="onGame"/> is called as each game finishes (e.g. to add it to a
    /// buffer and update a progress bar).</summary>
    public Task<IReadOnlyList<SelfPlayRecord>> PlayAsync(int games, ulong seed, Func<SelfPlayRecord, ValueTask>? onGame,
                                                     CancellationToken cancel = default)
    {
        if (games < 0) throw new ArgumentOutOfRangeException(nameof(games), games, "must be >= 0");
        return Task.Run(() => PlayAll(games, seed, onGame, cancel), cancel);
    }

    private async Task<IReadOnlyList<SelfPlayRecord>> PlayAll(int games, ulong seed, Func<SelfPlayRecord, ValueTask>? onGame,
                                                          CancellationToken cancel)
    {
        var results = new List<SelfPlayRecord>(games);
        var live = new List<Live>();
        int started = 0;
        int maxMoves = _options.MaxMoves ?? game.MaxGameLength;
        while (results.Count < games)
        {
            cancel.ThrowIfCancellationRequested();
            while (live.Count < _options.ParallelGames && started < games) live.Add(Start(seed, started++));
            SearchResult[] searched = MctsBatch.Search(live.Select(l => l.Tree).ToList(), evaluator, _options.Limits,
                                                       _options.LeavesPerGame, cancel);
            cancel.ThrowIfCancellationRequested(); // a cancelled search is partial: do not play from it
            for (int i = live.Count - 1; i >= 0; i--)
            {
                SelfPlayRecord? done = Step(live[i], searched[i], maxMoves);
                if (done is null) continue;
                live.RemoveAt(i);
                results.Add(done);
                if (onGame is not null) await onGame(done).ConfigureAwait(false);
            }
        }
        return results;
    }

    private Live Start(ulong seed, int index)
    {
        ulong gameSeed = new Rng(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(index + 1))).NextUInt64();
        var rng = new Rng(gameSeed);
        IGameState state = game.NewInitialState();
        bool disabled = _options.ResignThreshold is null || rng.NextDouble() < _options.ResignDisabledFraction;
        var tree = new Mcts(state, evaluator, _options.Search with { Seed = rng.NextUInt64() }, _options.RootFilter);
        return new Live { Tree = tree, State = state, Rng = rng, Seed = gameSeed, ResignDisabled = disabled };
    }

    /// <summary>Records the searched move and plays it; returns the finished record, or null while the game goes on.</summary>
    private SelfPlayRecord? Step(Live g, SearchResult r, int maxMoves)
    {
        int mover = g.State.CurrentPlayer;
        double value = r.BestQ;
        if (_options.ResignThreshold is { } threshold && value < threshold)
        {
            if (!g.ResignDisabled) return Finish(g, -OutcomeSign(mover), resigned: true);
            if (g.WouldResign < 0) g.WouldResign = mover;
        }
        var visited = r.Children.Where(c => c.Visits > 0).OrderBy(c => c.Action).ToArray();
        int action = r.SampleAction(_options.Temperature.At(g.State.MoveNumber), g.Rng);
        g.Moves.Add(new MoveRecord(action, visited.Select(c => c.Action).ToArray(), visited.Select(c => c.Visits).ToArray(),
                                   (float)value));
        g.State.Apply(action);
        if (g.State.IsTerminal) return Finish(g, (int)g.State.Returns(0), resigned: false);
        if (g.Moves.Count >= maxMoves) return Finish(g, 0, resigned: false);
        g.Tree.Advance(action);
        return null;
    }

    // Outcome for player 0 when `player` wins.
    private static int OutcomeSign(int player) => player == 0 ? 1 : -1;

    private SelfPlayRecord Finish(Live g, int outcomeForPlayer0, bool resigned) =>
        new(game.Name, g.Seed, g.Moves.ToArray(), outcomeForPlayer0, resigned, g.ResignDisabled, g.WouldResign);
}
