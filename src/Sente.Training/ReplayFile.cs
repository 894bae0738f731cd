using System.Buffers.Binary;
using System.Numerics;
using Sente.Core.IO;

namespace Sente.Training;

/// <summary>
/// An append-only file of checksummed frames, safe against crashes and against damage:
/// <code>
/// file   = header frame*
/// header = "SENTERPL" (8 ASCII bytes) u32 format version (1)
/// frame  = u32 payload length | u32 CRC-32C of the payload | payload      (little-endian)
/// </code>
/// Opening verifies every frame (<see cref="ReplayScan"/>). An incomplete last frame (a write torn by <c>kill -9</c>
/// or power loss) is cut off. Any other bad frame is damage among good frames: the whole file is first copied aside
/// (<c>NAME.damaged-N</c>, atomically), then the file is rewritten atomically with every good frame before and after
/// the damage, and the damage is listed in <see cref="Damage"/>. A damaged header is refused (the file is left as
/// it is) with a message naming <see cref="Repair"/>'s command. Appends are flushed to disk before
/// <see cref="Append"/> returns. Not thread-safe (the replay buffer serialises access).
/// </summary>
public sealed class ReplayFile : IDisposable
{
    public const int MaxPayload = 64 << 20;
    private static readonly byte[] Magic = "SENTERPL"u8.ToArray();
    private const uint FormatVersion = 1;
    public const int HeaderSize = 12;

    private readonly FileStream _stream;

    private ReplayFile(FileStream stream, List<byte[]> payloads, long truncated, IReadOnlyList<ReplayDamage> damage, string? copy)
    {
        _stream = stream;
        Payloads = payloads;
        TruncatedBytes = truncated;
        Damage = damage;
        DamagedCopy = copy;
    }

    /// <summary>The payloads of the good frames found when the file was opened, in order.</summary>
    public IReadOnlyList<byte[]> Payloads { get; }

    /// <summary>Bytes of a torn tail (an incomplete last frame) cut off when the file was opened (0 for a clean file).</summary>
    public long TruncatedBytes { get; }

    /// <summary>Damaged stretches skipped when the file was opened (offsets in the file as it was found).</summary>
    public IReadOnlyList<ReplayDamage> Damage { get; }

    /// <summary>Where the file was copied, unchanged, before a repair dropped <see cref="Damage"/>; null when clean.</summary>
    public string? DamagedCopy { get; }

    /// <summary>Current length of the file in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>The command that repairs a replay file whose header is damaged.</summary>
    public static string RepairCommand(string path) => $"sente replay repair {path}";

    /// <summary>Opens (or creates) <paramref name="path"/>, reads every good frame, cuts a torn tail and repairs damage
    /// (see the class comment).</summary>
    /// <exception cref="InvalidDataException">The file is not a Sente replay file, has another format version, or its
    /// header is damaged (the message names the repair command); the file is not changed.</exception>
    public static ReplayFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            byte[] bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            if (bytes.Length < HeaderSize)
            {
                int prefix = Math.Min(bytes.Length, Magic.Length);
                if (!bytes.AsSpan(0, prefix).SequenceEqual(Magic.AsSpan(0, prefix)))
                    throw new InvalidDataException($"{path}: not a Sente replay file (a {bytes.Length}-byte file without the SENTERPL header)");
                // New file, or a header torn while the file was created.
                stream.SetLength(0);
                stream.Position = 0;
                WriteHeader(stream);
                stream.Flush(flushToDisk: true);
                return new ReplayFile(stream, [], 0, [], null);
            }
            CheckHeader(path, bytes);
            ReplayScan scan = ReplayScan.Of(bytes, HeaderSize);
            var payloads = scan.Frames.Select(f => f.Payload).ToList();
            string? copy = null;
            if (scan.Damage.Count > 0)
            {
                stream.Dispose();
                copy = CopyAside(path, bytes);
                WriteAtomically(path, payloads);
                stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            }
            else if (scan.TornTailLength > 0)
            {
                stream.SetLength(scan.TornTailOffset);
                stream.Flush(flushToDisk: true);
            }
            stream.Position = stream.Length;
            return new ReplayFile(stream, payloads, scan.TornTailLength, scan.Damage, copy);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static void CheckHeader(string path, byte[] bytes)
    {
        bool magic = bytes.AsSpan(0, 8).SequenceEqual(Magic);
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (magic && version == FormatVersion) return;
        bool framesFollow = ReplayScan.TryFrame(bytes, HeaderSize, 1, out _);
        if (magic && !framesFollow)
            throw new InvalidDataException($"{path}: replay format version {version}; this build reads version {FormatVersion}");
        if (!framesFollow)
            throw new InvalidDataException($"{path}: not a Sente replay file (no SENTERPL header and no replay frames)");
        throw new InvalidDataException($"{path}: the replay file's header is damaged (the frames after it look good); " +
                                       $"nothing was changed. Repair it with: {RepairCommand(path)}");
    }

    /// <summary>What <see cref="Repair"/> did.</summary>
    /// <param name="Frames">Good frames kept.</param>
    /// <param name="Damage">Damaged stretches dropped.</param>
    /// <param name="TornBytes">Bytes of an incomplete last frame dropped.</param>
    /// <param name="Copy">Where the original was copied before the repair (null when nothing needed repair).</param>
    public sealed record RepairReport(int Frames, IReadOnlyList<ReplayDamage> Damage, long TornBytes, string? Copy);

    /// <summary>Repairs <paramref name="path"/> even when its header is damaged: copies the file aside, then rewrites it
    /// atomically with a fresh header and every good frame. Refuses a file in which no frame is found.</summary>
    public static RepairReport Repair(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bool headerOk = bytes.Length >= HeaderSize && bytes.AsSpan(0, 8).SequenceEqual(Magic)
                        && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)) == FormatVersion;
        if (bytes.Length < HeaderSize) throw new InvalidDataException($"{path}: {bytes.Length} bytes: too short to hold any frame");
        ReplayScan scan = ReplayScan.Of(bytes, HeaderSize);
        if (!headerOk && scan.Frames.Count == 0)
            throw new InvalidDataException($"{path}: no replay frame found: not a Sente replay file, nothing to repair");
        if (headerOk && scan.Damage.Count == 0 && scan.TornTailLength == 0) return new RepairReport(scan.Frames.Count, [], 0, null);
        string copy = CopyAside(path, bytes);
        var damage = headerOk ? scan.Damage : scan.Damage.Prepend(new ReplayDamage(0, HeaderSize, "header")).ToList();
        WriteAtomically(path, scan.Frames.Select(f => f.Payload));
        return new RepairReport(scan.Frames.Count, damage, scan.TornTailLength, copy);
    }

    /// <summary>Copies <paramref name="bytes"/> to the first free <c>PATH.damaged-N</c> (N = 1, 2, ...) atomically.</summary>
    internal static string CopyAside(string path, byte[] bytes)
    {
        string copy;
        int n = 1;
        while (File.Exists(copy = $"{path}.damaged-{n}")) n++;
        AtomicFile.WriteAllBytes(copy, bytes);
        return copy;
    }

    private static void WriteHeader(Stream stream)
    {
        stream.Write(Magic);
        Span<byte> v = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(v, FormatVersion);
        stream.Write(v);
    }

    /// <summary>Appends one frame and (by default) flushes it to disk before returning.</summary>
    public void Append(ReadOnlySpan<byte> payload, bool flushToDisk = true)
    {
        _stream.Position = _stream.Length;
        WriteFrame(_stream, payload);
        if (flushToDisk) _stream.Flush(flushToDisk: true);
    }

    private static void WriteFrame(Stream stream, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayload) throw new ArgumentException($"replay frame of {payload.Length} bytes exceeds {MaxPayload}");
        Span<byte> h = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(h, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], Crc32C(payload));
        stream.Write(h);
        stream.Write(payload);
    }

    /// <summary>Flushes appended frames to disk.</summary>
    public void Flush() => _stream.Flush(flushToDisk: true);

    /// <summary>Writes a new replay file holding exactly <paramref name="payloads"/> atomically (through
    /// <see cref="AtomicFile"/>: temp file, fsync, rename over <paramref name="path"/>, folder fsync).</summary>
    public static void WriteAtomically(string path, IEnumerable<byte[]> payloads) => AtomicFile.Write(path, stream =>
    {
        WriteHeader(stream);
        foreach (byte[] p in payloads) WriteFrame(stream, p);
    });

    /// <summary>CRC-32C (Castagnoli), hardware-accelerated where available.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8) crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        for (; i < data.Length; i++) crc = BitOperations.Crc32C(crc, data[i]);
        return ~crc;
    }

    public void Dispose() => _stream.Dispose();
}
