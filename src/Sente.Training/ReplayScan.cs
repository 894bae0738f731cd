using System.Buffers.Binary;

namespace Sente.Training;

/// <summary>A stretch of a replay file that is not a good frame: where it starts, how long it is, and why.</summary>
/// <param name="Offset">Byte offset in the file as it was opened.</param>
/// <param name="Length">Bytes in the stretch.</param>
/// <param name="Reason">"checksum", "length" (a frame longer than the file or than <see cref="ReplayFile.MaxPayload"/>).</param>
public sealed record ReplayDamage(long Offset, long Length, string Reason);

/// <summary>
/// Reads every frame of a replay file held in memory (<see cref="ReplayFile"/>'s layout) without changing it:
/// the good frames with their offsets, the damaged stretches between good frames, and a torn tail. A frame that
/// fails its checksum or whose length cannot be right is damage; the scan resumes at the next offset where a good
/// frame starts (first right after the damaged frame's declared end, else byte by byte), so one flipped byte costs
/// only the frame it hit. Only an incomplete last frame (its declared end past the end of the file, or fewer than
/// 8 bytes left, and no good frame after it) counts as a torn tail. Pure; thread-safe.
/// </summary>
public sealed class ReplayScan
{
    private ReplayScan(List<(long Offset, byte[] Payload)> frames, List<ReplayDamage> damage, long tornOffset, long tornLength)
    {
        Frames = frames;
        Damage = damage;
        TornTailOffset = tornOffset;
        TornTailLength = tornLength;
    }

    /// <summary>The good frames, in file order, with the offset of each frame's 8-byte frame header.</summary>
    public IReadOnlyList<(long Offset, byte[] Payload)> Frames { get; }

    /// <summary>Damaged stretches among (or after) good frames, in file order.</summary>
    public IReadOnlyList<ReplayDamage> Damage { get; }

    /// <summary>Where a torn (incomplete) last frame starts, or the file length when there is none.</summary>
    public long TornTailOffset { get; }

    /// <summary>Bytes of the torn tail (0 when there is none).</summary>
    public long TornTailLength { get; }

    /// <summary>Scans <paramref name="file"/> from byte <paramref name="start"/> (the end of the header).</summary>
    public static ReplayScan Of(ReadOnlySpan<byte> file, long start)
    {
        var frames = new List<(long, byte[])>();
        var damage = new List<ReplayDamage>();
        long pos = start, n = file.Length;
        while (pos < n)
        {
            if (TryFrame(file, pos, minPayload: 0, out long end))
            {
                frames.Add((pos, file[(int)(pos + 8)..(int)end].ToArray()));
                pos = end;
                continue;
            }
            long next = NextFrame(file, pos);
            if (next < 0)
            {
                // Nothing good follows: an incomplete frame is a torn write; a complete one is a damaged last frame.
                if (n - pos < 8 || DeclaredEnd(file, pos) > n) return new ReplayScan(frames, damage, pos, n - pos);
                damage.Add(new ReplayDamage(pos, n - pos, Reason(file, pos)));
                break;
            }
            damage.Add(new ReplayDamage(pos, next - pos, Reason(file, pos)));
            pos = next;
        }
        return new ReplayScan(frames, damage, n, 0);
    }

    /// <summary>True when a good frame (declared length fits, checksum matches) starts at <paramref name="pos"/>.</summary>
    public static bool TryFrame(ReadOnlySpan<byte> file, long pos, int minPayload, out long end)
    {
        end = pos;
        if (file.Length - pos < 8) return false;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(file[(int)pos..]);
        if (length < minPayload || length > ReplayFile.MaxPayload || length > file.Length - pos - 8) return false;
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(file[(int)(pos + 4)..]);
        if (ReplayFile.Crc32C(file.Slice((int)(pos + 8), (int)length)) != crc) return false;
        end = pos + 8 + length;
        return true;
    }

    private static long DeclaredEnd(ReadOnlySpan<byte> file, long pos) => pos + 8 + BinaryPrimitives.ReadUInt32LittleEndian(file[(int)pos..]);

    private static string Reason(ReadOnlySpan<byte> file, long pos) =>
        file.Length - pos >= 8 && DeclaredEnd(file, pos) <= file.Length && DeclaredEnd(file, pos) - pos - 8 <= ReplayFile.MaxPayload
            ? "checksum" : "length";

    /// <summary>The offset of the first good frame after the damaged one at <paramref name="pos"/>, or -1. Frames
    /// found by resynchronising must carry a payload (8 zero bytes would otherwise read as an empty frame).</summary>
    private static long NextFrame(ReadOnlySpan<byte> file, long pos)
    {
        if (file.Length - pos >= 8)
        {
            long declared = DeclaredEnd(file, pos);
            if (declared < file.Length && TryFrame(file, declared, 1, out _)) return declared;
        }
        for (long p = pos + 1; p + 8 < file.Length; p++)
            if (TryFrame(file, p, 1, out _)) return p;
        return -1;
    }
}
