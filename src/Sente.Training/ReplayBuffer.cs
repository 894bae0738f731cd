using System.Buffers.Binary;
using Sente.Core;

namespace Sente.Training;

/// <summary>Options of <see cref="ReplayBuffer"/>.</summary>
/// <param name="WindowGames">The most recent games kept (AlphaGo Zero: 500,000).</param>
/// <param name="CompactionFactor">Rewrite the file (atomically) with only the window once it holds this many
/// times <paramref name="WindowGames"/> games.</param>
public sealed record ReplayBufferOptions(int WindowGames = 20_000, double CompactionFactor = 2.0)
{
    public ReplayBufferOptions Validate()
    {
        if (WindowGames < 1) throw new ArgumentException($"ReplayBufferOptions.WindowGames must be >= 1, got {WindowGames}");
        if (!(CompactionFactor >= 1)) throw new ArgumentException($"ReplayBufferOptions.CompactionFactor must be >= 1, got {CompactionFactor}");
        return this;
    }
}

/// <summary>
/// A window of recent self-play games, in memory for sampling and on disk in <c>replay.bin</c>
/// (<see cref="ReplayFile"/> frames). Frame 0 is a small meta frame ("META" + u64 total games ever added before
/// the first game frame of this file); every other frame is one <see cref="SelfPlayRecordCodec"/> game. A torn tail
/// after a crash is cut off on open (<see cref="TruncatedBytesOnOpen"/>); compaction rewrites the file atomically.
/// Thread-safe.
/// </summary>
public sealed class ReplayBuffer : IReplayBuffer, IDisposable
{
    public const string FileName = "replay.bin";
    private static readonly byte[] MetaTag = "META"u8.ToArray();

    private readonly string _path;
    private readonly ReplayBufferOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(SelfPlayRecord Game, byte[] Bytes)> _window = [];
    private ReplayFile _file;
    private int _gamesInFile;
    private long _addedBeforeFile;
    private long _positions;

    private ReplayBuffer(string path, ReplayBufferOptions options, ReplayFile file)
    {
        _path = path;
        _options = options;
        _file = file;
    }

    /// <summary>Bytes of a torn or corrupt tail cut off when the buffer was opened.</summary>
    public long TruncatedBytesOnOpen { get; private set; }

    /// <summary>Opens the buffer stored in <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="InvalidDataException">replay.bin is not a replay file or holds an undecodable game.</exception>
    public static ReplayBuffer Open(string directory, ReplayBufferOptions? options = null)
    {
        options = (options ?? new ReplayBufferOptions()).Validate();
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        ReplayFile file = ReplayFile.Open(path);
        var buffer = new ReplayBuffer(path, options, file) { TruncatedBytesOnOpen = file.TruncatedBytes };
        try
        {
            IReadOnlyList<byte[]> frames = file.Payloads;
            int first = 0;
            if (frames.Count > 0 && frames[0].Length == 12 && frames[0].AsSpan(0, 4).SequenceEqual(MetaTag))
            {
                buffer._addedBeforeFile = BinaryPrimitives.ReadInt64LittleEndian(frames[0].AsSpan(4));
                first = 1;
            }
            else if (frames.Count == 0)
            {
                file.Append(Meta(0));
            }
            else throw new InvalidDataException($"{path}: missing meta frame");
            for (int i = first; i < frames.Count; i++)
            {
                SelfPlayRecord g;
                try { g = SelfPlayRecordCodec.Decode(frames[i]); }
                catch (InvalidDataException e) { throw new InvalidDataException($"{path}: frame {i}: {e.Message}"); }
                buffer.AddToWindow(g, frames[i]);
                buffer._gamesInFile++;
            }
            return buffer;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static byte[] Meta(long addedBefore)
    {
        var m = new byte[12];
        MetaTag.CopyTo(m, 0);
        BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(4), addedBefore);
        return m;
    }

    private void AddToWindow(SelfPlayRecord g, byte[] bytes)
    {
        _window.Add((g, bytes));
        _positions += g.Moves.Count;
        int excess = _window.Count - _options.WindowGames;
        if (excess > 0)
        {
            for (int i = 0; i < excess; i++) _positions -= _window[i].Game.Moves.Count;
            _window.RemoveRange(0, excess);
        }
    }

    public async ValueTask AddAsync(SelfPlayRecord game, CancellationToken cancel = default)
    {
        byte[] bytes = SelfPlayRecordCodec.Encode(game);
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            _file.Append(bytes);
            _gamesInFile++;
            AddToWindow(game, bytes);
            if (_gamesInFile >= _options.CompactionFactor * _options.WindowGames && _gamesInFile > _window.Count) Compact();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Rewrites replay.bin with only the window (temp file + rename). Caller holds the gate.</summary>
    private void Compact()
    {
        long addedBefore = _addedBeforeFile + _gamesInFile - _window.Count;
        _file.Dispose();
        ReplayFile.WriteAtomically(_path, _window.Select(w => w.Bytes).Prepend(Meta(addedBefore)));
        _file = ReplayFile.Open(_path);
        _addedBeforeFile = addedBefore;
        _gamesInFile = _window.Count;
    }

    public async ValueTask<ReplayStats> StatsAsync(CancellationToken cancel = default)
    {
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try { return new ReplayStats(_window.Count, _positions, _addedBeforeFile + _gamesInFile, _file.Length); }
        finally { _gate.Release(); }
    }

    public async ValueTask<IReadOnlyList<SelfPlayRecord>> RecentAsync(int count, CancellationToken cancel = default)
    {
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            int n = Math.Clamp(count, 0, _window.Count);
            return _window.Skip(_window.Count - n).Select(w => w.Game).ToList();
        }
        finally { _gate.Release(); }
    }

    public async ValueTask<IReadOnlyList<PositionSample>> SampleAsync(int count, ulong seed, CancellationToken cancel = default)
    {
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var result = new List<PositionSample>(Math.Max(0, count));
            if (_positions == 0) return result;
            // Cumulative move counts, then a binary search per draw: uniform over positions.
            var ends = new long[_window.Count];
            long total = 0;
            for (int i = 0; i < ends.Length; i++) ends[i] = total += _window[i].Game.Moves.Count;
            var rng = new Rng(seed);
            for (int k = 0; k < count; k++)
            {
                long r = (long)(rng.NextDouble() * total);
                int lo = 0, hi = ends.Length - 1; // first game whose end exceeds r (skips empty games)
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (ends[mid] > r) hi = mid; else lo = mid + 1;
                }
                int g = lo;
                long start = g == 0 ? 0 : ends[g - 1];
                result.Add(new PositionSample(_window[g].Game, (int)(r - start)));
            }
            return result;
        }
        finally { _gate.Release(); }
    }

    public void Dispose()
    {
        _file.Dispose();
        _gate.Dispose();
    }
}
