namespace Sente.Training;

/// <summary>
/// The replay buffer as a service: self-play workers add games, the trainer samples positions. Async and built
/// from serializable records so that it can sit behind a remote boundary (Orleans grain) later.
/// Implementations are thread-safe.
/// </summary>
public interface IReplayBuffer
{
    /// <summary>Adds a finished game; durable (on disk) when the task completes.</summary>
    ValueTask AddAsync(SelfPlayRecord game, CancellationToken cancel = default);

    /// <summary>Counts and sizes of the window.</summary>
    ValueTask<ReplayStats> StatsAsync(CancellationToken cancel = default);

    /// <summary>The most recent <paramref name="count"/> games of the window (fewer when the window is smaller), oldest first.</summary>
    ValueTask<IReadOnlyList<SelfPlayRecord>> RecentAsync(int count, CancellationToken cancel = default);

    /// <summary><paramref name="count"/> positions drawn uniformly (with replacement, seeded) from all positions of
    /// the window. Empty when the window is empty.</summary>
    ValueTask<IReadOnlyList<PositionSample>> SampleAsync(int count, ulong seed, CancellationToken cancel = default);
}

/// <summary>Window statistics. <paramref name="TotalGamesAdded"/> counts every game ever added (kept across restarts).</summary>
public sealed record ReplayStats(int Games, long Positions, long TotalGamesAdded, long FileBytes);

/// <summary>A sampled position: move <paramref name="MoveIndex"/> (0-based) of <paramref name="Game"/>.</summary>
public sealed record PositionSample(SelfPlayRecord Game, int MoveIndex);
