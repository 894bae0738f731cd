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
/// the first game frame of this file, lost games included); every other frame is one <see cref="SelfPlayRecordCodec"/>
/// game. A torn tail after a crash is cut off on open (<see cref="TruncatedBytesOnOpen"/>), damaged frames are skipped
/// and reported (<see cref="DamageOnOpen"/>, <see cref="OpenNotices"/>); compaction rewrites the file atomically.
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

    /// <summary>Bytes of a torn tail (an incomplete last frame) cut off when the buffer was opened.</summary>
    public long TruncatedBytesOnOpen { get; private set; }

    /// <summary>Damaged frames skipped when the buffer was opened (each counted as one lost game), with their offsets.</summary>
    public IReadOnlyList<ReplayDamage> DamageOnOpen { get; private set; } = [];

    private IReadOnlyList<string> Undecodable { get; set; } = [];

    /// <summary>Where replay.bin was copied, unchanged, before damaged frames were dropped (null when it was clean).</summary>
    public string? DamagedCopy { get; private set; }

    /// <summary>One line per repair made when the buffer was opened (torn tail cut, damaged frames skipped); empty when
    /// the file was clean. For logs and the console.</summary>
    public IReadOnlyList<string> OpenNotices
    {
        get
        {
            var lines = new List<string>();
            if (TruncatedBytesOnOpen > 0) lines.Add($"replay buffer: cut a torn last frame of {TruncatedBytesOnOpen} bytes (an interrupted write)");
            foreach (ReplayDamage d in DamageOnOpen)
                lines.Add($"replay buffer: skipped a damaged frame at byte {d.Offset} ({d.Length} bytes, bad {d.Reason}); " +
                          "every good frame before and after it was kept");
            lines.AddRange(Undecodable);
            if (DamagedCopy is not null) lines.Add($"replay buffer: the file as found was copied to {DamagedCopy}");
            return lines;
        }
    }

    /// <summary>Opens the buffer stored in <paramref name="directory"/> (created if missing). A torn tail is cut and
    /// damaged frames are skipped (see <see cref="ReplayFile"/>); each damaged frame other than the meta frame counts
    /// as one game that was added and is lost, so <see cref="ReplayStats.TotalGamesAdded"/> stays right. A damaged meta
    /// frame is rebuilt when one substituted byte makes its checksum match.</summary>
    /// <exception cref="InvalidDataException">replay.bin is not a replay file, or its header or meta frame is damaged
    /// beyond repair. (A frame with a good checksum that does not decode as a game is skipped like a damaged one.)</exception>
    public static ReplayBuffer Open(string directory, ReplayBufferOptions? options = null)
    {
        options = (options ?? new ReplayBufferOptions()).Validate();
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        if (File.Exists(path)) CheckMetaBeforeRepair(path);
        ReplayFile file = ReplayFile.Open(path);
        var buffer = new ReplayBuffer(path, options, file)
        {
            TruncatedBytesOnOpen = file.TruncatedBytes, DamageOnOpen = file.Damage, DamagedCopy = file.DamagedCopy,
        };
        try
        {
            IReadOnlyList<byte[]> frames = file.Payloads;
            int first = 0;
            bool metaDamaged = file.Damage.Count > 0 && file.Damage[0].Offset == ReplayFile.HeaderSize;
            if (frames.Count > 0 && IsMeta(frames[0]))
            {
                buffer._addedBeforeFile = BinaryPrimitives.ReadInt64LittleEndian(frames[0].AsSpan(4));
                first = 1;
            }
            else if (metaDamaged && file.DamagedCopy is { } copy && RecoverMeta(File.ReadAllBytes(copy)) is { } recovered)
            {
                buffer._addedBeforeFile = recovered;
            }
            else if (frames.Count == 0 && file.Damage.Count == 0)
            {
                file.Append(Meta(0));
            }
            else throw new InvalidDataException($"{path}: the meta frame (games added before this file) is missing or damaged " +
                                                "beyond repair" + (file.DamagedCopy is { } c ? $"; the file as found is in {c}" : ""));
            var kept = new List<byte[]>();
            var undecodable = new List<string>();
            for (int i = first; i < frames.Count; i++)
            {
                SelfPlayRecord g;
                try { g = SelfPlayRecordCodec.Decode(frames[i]); }
                catch (InvalidDataException e)
                {
                    // A good checksum on bytes that are no game: a frame found by resynchronising inside damage, or
                    // a foreign writer. Skipped like a damaged frame.
                    undecodable.Add($"replay buffer: skipped good frame {i} ({frames[i].Length} bytes): its checksum matches but {e.Message}");
                    continue;
                }
                buffer.AddToWindow(g, frames[i]);
                buffer._gamesInFile++;
                kept.Add(frames[i]);
            }
            buffer.Undecodable = undecodable;
            if (file.Damage.Count > 0 || undecodable.Count > 0)
            {
                if (buffer.DamagedCopy is null) buffer.DamagedCopy = ReplayFile.CopyAside(path, File.ReadAllBytes(path));
                // Count each lost game as added before the file, so the total of games ever added is unchanged.
                buffer._addedBeforeFile += file.Damage.Count - (metaDamaged ? 1 : 0) + undecodable.Count;
                buffer.Rewrite(kept);
            }
            return buffer;
        }
        catch
        {
            buffer._file.Dispose();
            throw;
        }
    }

    /// <summary>Refuses, before anything is repaired, a file whose meta frame is lost beyond repair (so the refused
    /// file is left as it is). A missing header is left to <see cref="ReplayFile.Open"/>.</summary>
    private static void CheckMetaBeforeRepair(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length <= ReplayFile.HeaderSize || !bytes.AsSpan(0, 8).SequenceEqual("SENTERPL"u8)) return;
        ReplayScan scan = ReplayScan.Of(bytes, ReplayFile.HeaderSize);
        bool metaFirst = scan.Frames.Count > 0 && scan.Frames[0].Offset == ReplayFile.HeaderSize && IsMeta(scan.Frames[0].Payload);
        if (metaFirst || (scan.Frames.Count == 0 && scan.Damage.Count == 0) || RecoverMeta(bytes) is not null) return;
        throw new InvalidDataException($"{path}: the meta frame (games added before this file) is missing or damaged beyond repair; " +
                                       "nothing was changed (the games after it are intact; the count of earlier games cannot be rebuilt)");
    }

    private static bool IsMeta(byte[] frame) => frame.Length == 12 && frame.AsSpan(0, 4).SequenceEqual(MetaTag);

    /// <summary>The count in a damaged meta frame (20 bytes at the end of the header) when changing one byte of it makes
    /// a meta frame with a matching checksum; else null.</summary>
    private static long? RecoverMeta(byte[] original)
    {
        const int start = ReplayFile.HeaderSize, size = 20;
        if (original.Length < start + size) return null;
        byte[] frame = original.AsSpan(start, size).ToArray();
        for (int i = 0; i < size; i++)
        {
            byte keep = frame[i];
            for (int v = 0; v < 256; v++)
            {
                frame[i] = (byte)v;
                if (BinaryPrimitives.ReadUInt32LittleEndian(frame) == 12 && IsMeta(frame[8..])
                    && ReplayFile.Crc32C(frame.AsSpan(8)) == BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(4)))
                    return BinaryPrimitives.ReadInt64LittleEndian(frame.AsSpan(12));
            }
            frame[i] = keep;
        }
        return null;
    }

    /// <summary>Rewrites replay.bin atomically as the meta frame then <paramref name="games"/>, and reopens it.</summary>
    private void Rewrite(IEnumerable<byte[]> games)
    {
        _file.Dispose();
        ReplayFile.WriteAtomically(_path, games.Prepend(Meta(_addedBeforeFile)));
        _file = ReplayFile.Open(_path);
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
        _addedBeforeFile += _gamesInFile - _window.Count;
        _gamesInFile = _window.Count;
        Rewrite(_window.Select(w => w.Bytes).ToList());
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
