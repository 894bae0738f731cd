using System.Buffers.Binary;
using System.Numerics;
using Sente.Core.IO;

namespace Sente.Training;

/// <summary>
/// An append-only file of checksummed frames, safe against crashes: a frame torn by <c>kill -9</c> or power loss
/// is detected and cut off when the file is opened.
/// <code>
/// file   = header frame*
/// header = "SENTERPL" (8 ASCII bytes) u32 format version (1)
/// frame  = u32 payload length | u32 CRC-32C of the payload | payload      (little-endian)
/// </code>
/// Opening scans every frame; at the first frame that is incomplete, longer than <see cref="MaxPayload"/>, or
/// whose checksum does not match, the file is truncated to the end of the last good frame. Appends are flushed
/// to disk before <see cref="Append"/> returns. Not thread-safe (the replay buffer serialises access).
/// </summary>
public sealed class ReplayFile : IDisposable
{
    public const int MaxPayload = 64 << 20;
    private static readonly byte[] Magic = "SENTERPL"u8.ToArray();
    private const uint FormatVersion = 1;
    private const int HeaderSize = 12;

    private readonly FileStream _stream;

    private ReplayFile(FileStream stream, List<byte[]> payloads, long truncated)
    {
        _stream = stream;
        Payloads = payloads;
        TruncatedBytes = truncated;
    }

    /// <summary>The payloads of the good frames found when the file was opened, in order.</summary>
    public IReadOnlyList<byte[]> Payloads { get; }

    /// <summary>Bytes of a torn or corrupt tail cut off when the file was opened (0 for a clean file).</summary>
    public long TruncatedBytes { get; }

    /// <summary>Current length of the file in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>Opens (or creates) <paramref name="path"/>, reads every good frame and truncates a torn tail.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a Sente replay file.</exception>
    public static ReplayFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            if (stream.Length < HeaderSize)
            {
                if (stream.Length > 0 && !IsMagicPrefix(stream))
                    throw new InvalidDataException($"{path}: not a Sente replay file");
                // New file, or a header torn while the file was created.
                stream.SetLength(0);
                stream.Write(Magic);
                Span<byte> v = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(v, FormatVersion);
                stream.Write(v);
                stream.Flush(flushToDisk: true);
                return new ReplayFile(stream, [], 0);
            }
            var header = new byte[HeaderSize];
            stream.Position = 0;
            stream.ReadExactly(header);
            if (!header.AsSpan(0, 8).SequenceEqual(Magic)) throw new InvalidDataException($"{path}: not a Sente replay file");
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
            if (version != FormatVersion) throw new InvalidDataException($"{path}: replay format version {version}, expected {FormatVersion}");

            var payloads = new List<byte[]>();
            long good = HeaderSize;
            var frameHeader = new byte[8];
            while (true)
            {
                long remaining = stream.Length - good;
                if (remaining < 8) break;
                stream.Position = good;
                stream.ReadExactly(frameHeader);
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(frameHeader);
                uint crc = BinaryPrimitives.ReadUInt32LittleEndian(frameHeader.AsSpan(4));
                if (length > MaxPayload || length > remaining - 8) break;
                var payload = new byte[length];
                stream.ReadExactly(payload);
                if (Crc32C(payload) != crc) break;
                payloads.Add(payload);
                good += 8 + length;
            }
            long truncated = stream.Length - good;
            if (truncated > 0)
            {
                stream.SetLength(good);
                stream.Flush(flushToDisk: true);
            }
            stream.Position = good;
            return new ReplayFile(stream, payloads, truncated);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static bool IsMagicPrefix(FileStream stream)
    {
        var b = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(b);
        int n = Math.Min(b.Length, Magic.Length);
        return b.AsSpan(0, n).SequenceEqual(Magic.AsSpan(0, n));
    }

    /// <summary>Appends one frame and (by default) flushes it to disk before returning.</summary>
    public void Append(ReadOnlySpan<byte> payload, bool flushToDisk = true)
    {
        if (payload.Length > MaxPayload) throw new ArgumentException($"replay frame of {payload.Length} bytes exceeds {MaxPayload}");
        Span<byte> h = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(h, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], Crc32C(payload));
        _stream.Position = _stream.Length;
        _stream.Write(h);
        _stream.Write(payload);
        if (flushToDisk) _stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes appended frames to disk.</summary>
    public void Flush() => _stream.Flush(flushToDisk: true);

    /// <summary>Writes a new replay file holding exactly <paramref name="payloads"/> atomically (through
    /// <see cref="AtomicFile"/>: temp file, fsync, rename over <paramref name="path"/>).</summary>
    public static void WriteAtomically(string path, IEnumerable<byte[]> payloads) => AtomicFile.WriteVia(path, temp =>
    {
        using ReplayFile f = Open(temp);
        foreach (byte[] p in payloads) f.Append(p, flushToDisk: false);
        f.Flush();
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
