using Sente.Training;

namespace Sente.Tests.Training;

/// <summary>Damage to replay.bin (issue 26): a flipped byte anywhere loses at most the game whose frame it hit; the
/// header is refused with a repair command; a torn last frame is the only thing cut without a copy.</summary>
public sealed class ReplayDamageTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sente-replay-damage-" + Guid.NewGuid().ToString("N"));

    public ReplayDamageTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ReplayPath => Path.Combine(_dir, ReplayBuffer.FileName);

    /// <summary>A buffer of <paramref name="games"/> games; returns the file's bytes and each frame's [start, end).</summary>
    private async Task<(byte[] Bytes, List<(long Start, long End)> Frames)> WriteBuffer(int games)
    {
        using (ReplayBuffer b = ReplayBuffer.Open(_dir))
            for (int i = 0; i < games; i++) await b.AddAsync(ReplayTests.Game(i, moves: 3 + i % 4));
        byte[] bytes = File.ReadAllBytes(ReplayPath);
        var frames = new List<(long, long)>();
        long pos = ReplayFile.HeaderSize;
        while (pos < bytes.Length)
        {
            long end = pos + 8 + BitConverter.ToUInt32(bytes, (int)pos);
            frames.Add((pos, end));
            pos = end;
        }
        Assert.Equal(games + 1, frames.Count); // the meta frame, then one frame per game
        return (bytes, frames);
    }

    private void ClearDir()
    {
        foreach (string f in Directory.GetFiles(_dir)) File.Delete(f);
    }

    [Fact]
    public async Task AFlippedByteInTheMiddleLosesOnlyTheGameItHit()
    {
        var (bytes, frames) = await WriteBuffer(40);
        int hit = 17; // game 16's frame (frame 0 is the meta frame)
        long at = (frames[hit].Start + frames[hit].End) / 2;
        bytes[at] ^= 0x5A;
        File.WriteAllBytes(ReplayPath, bytes);
        byte[] damaged = bytes.ToArray();

        using (ReplayBuffer b = ReplayBuffer.Open(_dir))
        {
            ReplayStats stats = await b.StatsAsync();
            Assert.Equal(39, stats.Games);
            Assert.Equal(40, stats.TotalGamesAdded); // the lost game still counts as added: no game is played twice
            IReadOnlyList<SelfPlayRecord> all = await b.RecentAsync(100);
            Assert.Equal(Enumerable.Range(0, 40).Where(i => i != 16).Select(i => (ulong)i), all.Select(g => g.Seed));
            ReplayDamage d = Assert.Single(b.DamageOnOpen);
            Assert.Equal(new ReplayDamage(frames[hit].Start, frames[hit].End - frames[hit].Start, "checksum"), d);
            Assert.Equal(0, b.TruncatedBytesOnOpen);
            Assert.Contains(b.OpenNotices, l => l.Contains($"at byte {frames[hit].Start}", StringComparison.Ordinal));
            Assert.Equal(ReplayPath + ".damaged-1", b.DamagedCopy);
            Assert.Equal(damaged, File.ReadAllBytes(b.DamagedCopy!)); // the file as found, byte for byte
            await b.AddAsync(ReplayTests.Game(40));
        }
        using (ReplayBuffer again = ReplayBuffer.Open(_dir))
        {
            Assert.Empty(again.DamageOnOpen); // repaired once, clean since
            Assert.Equal(41, (await again.StatsAsync()).TotalGamesAdded);
            Assert.Equal(40, (await again.StatsAsync()).Games);
        }
    }

    [Fact]
    public async Task AFlippedLengthFieldIsSkippedByResynchronising()
    {
        var (bytes, frames) = await WriteBuffer(12);
        bytes[frames[5].Start + 1] ^= 0x01; // length + 256: the declared end lands inside another frame
        File.WriteAllBytes(ReplayPath, bytes);
        using ReplayBuffer b = ReplayBuffer.Open(_dir);
        Assert.Equal(Enumerable.Range(0, 12).Where(i => i != 4).Select(i => (ulong)i), (await b.RecentAsync(100)).Select(g => g.Seed));
        Assert.Equal(frames[5].Start, Assert.Single(b.DamageOnOpen).Offset);
        Assert.Equal(12, (await b.StatsAsync()).TotalGamesAdded);
    }

    /// <summary>The issue's "done when": every single flipped byte after the header loses at most the frame it hit.</summary>
    [Fact]
    public async Task AFlipAtEveryByteLosesAtMostTheFrameItHit()
    {
        var (clean, frames) = await WriteBuffer(6);
        for (int at = ReplayFile.HeaderSize; at < clean.Length; at++)
        {
            ClearDir();
            byte[] bytes = clean.ToArray();
            bytes[at] ^= (byte)(1 << (at % 8));
            File.WriteAllBytes(ReplayPath, bytes);
            int hitFrame = frames.FindIndex(f => f.Start <= at && at < f.End);
            using ReplayBuffer b = ReplayBuffer.Open(_dir);
            var seeds = (await b.RecentAsync(100)).Select(g => g.Seed).ToList();
            var expected = Enumerable.Range(0, 6).Select(i => (ulong)i).Where(i => hitFrame == 0 || i != (ulong)(hitFrame - 1)).ToList();
            Assert.True(seeds.SequenceEqual(expected), $"flip at byte {at} (frame {hitFrame}): kept {string.Join(",", seeds)}");
            // A flip in the last frame's length that makes it reach past the end of the file reads as a torn write: the
            // game is cut like one that was never durably added. Anywhere else the lost game still counts as added.
            bool tornLast = hitFrame == frames.Count - 1 && b.TruncatedBytesOnOpen > 0;
            Assert.True((tornLast ? 5 : 6) == (await b.StatsAsync()).TotalGamesAdded, $"flip at byte {at} (frame {hitFrame}): total games");
            Assert.True(tornLast || b.TruncatedBytesOnOpen == 0, $"flip at byte {at}: a frame other than the last was cut");
        }
    }

    [Fact]
    public async Task ADamagedLastFrameIsCopiedAsideButATornOneIsJustCut()
    {
        var (bytes, frames) = await WriteBuffer(5);
        byte[] damaged = bytes.ToArray();
        damaged[^3] ^= 0x10; // complete last frame, bad checksum: damage, not a torn write
        File.WriteAllBytes(ReplayPath, damaged);
        using (ReplayBuffer b = ReplayBuffer.Open(_dir))
        {
            Assert.Equal(4, (await b.StatsAsync()).Games);
            Assert.Equal(frames[^1].Start, Assert.Single(b.DamageOnOpen).Offset);
            Assert.NotNull(b.DamagedCopy);
        }
        ClearDir();
        File.WriteAllBytes(ReplayPath, bytes.AsSpan(0, bytes.Length - 3).ToArray()); // a torn last frame
        using (ReplayBuffer b = ReplayBuffer.Open(_dir))
        {
            Assert.Equal(4, (await b.StatsAsync()).Games);
            Assert.Empty(b.DamageOnOpen);
            Assert.Equal(frames[^1].End - frames[^1].Start - 3, b.TruncatedBytesOnOpen);
            Assert.Null(b.DamagedCopy);
        }
    }

    [Fact]
    public async Task ADamagedMetaFrameIsRebuiltFromOneSubstitutedByte()
    {
        var options = new ReplayBufferOptions(WindowGames: 3, CompactionFactor: 2);
        using (ReplayBuffer b = ReplayBuffer.Open(_dir, options))
            for (int i = 0; i < 7; i++) await b.AddAsync(ReplayTests.Game(i));
        byte[] bytes = File.ReadAllBytes(ReplayPath);
        bytes[ReplayFile.HeaderSize + 8 + 4] ^= 0x02; // the count inside the meta frame (3 games compacted away)
        File.WriteAllBytes(ReplayPath, bytes);
        using ReplayBuffer again = ReplayBuffer.Open(_dir, options);
        Assert.Equal(7, (await again.StatsAsync()).TotalGamesAdded);
        Assert.Equal(ReplayFile.HeaderSize, Assert.Single(again.DamageOnOpen).Offset);
    }

    [Fact]
    public async Task ADamagedHeaderIsRefusedUntouchedWithARepairCommandThatRepairs()
    {
        var (bytes, _) = await WriteBuffer(4);
        bytes[3] = (byte)'X';
        File.WriteAllBytes(ReplayPath, bytes);
        var e = Assert.Throws<InvalidDataException>(() => ReplayBuffer.Open(_dir));
        Assert.Equal($"{ReplayPath}: the replay file's header is damaged (the frames after it look good); nothing was changed. " +
                     $"Repair it with: sente replay repair {ReplayPath}", e.Message);
        Assert.Equal(bytes, File.ReadAllBytes(ReplayPath)); // never silently started empty

        var (code, output, err) = SenteCli.Run("replay", "repair", ReplayPath);
        Assert.True(code == 0, err);
        Assert.Contains("5 good frames kept", output);
        Assert.Equal(bytes, File.ReadAllBytes(ReplayPath + ".damaged-1"));
        using ReplayBuffer b = ReplayBuffer.Open(_dir);
        Assert.Equal(4, (await b.StatsAsync()).Games);
        Assert.Empty(b.DamageOnOpen);
    }

    [Fact]
    public void AForeignFileIsNotOfferedARepair()
    {
        File.WriteAllBytes(ReplayPath, "PNG\r\n and then some other bytes entirely"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => ReplayBuffer.Open(_dir));
        Assert.Contains("not a Sente replay file", e.Message);
        var (code, _, err) = SenteCli.Run("replay", "repair", ReplayPath);
        Assert.Equal(2, code);
        Assert.Equal($"sente: {ReplayPath}: no replay frame found: not a Sente replay file, nothing to repair", err.Trim());
    }
}
