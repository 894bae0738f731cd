using Sente.Training;

namespace Sente.Tests.Training;

public sealed class ReplayTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sente-replay-" + Guid.NewGuid().ToString("N"));

    public ReplayTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static SelfPlayRecord Game(int id, int moves = 5) => new(
        "tictactoe", (ulong)id,
        Enumerable.Range(0, moves).Select(m => new MoveRecord(m, [0, m + 1, 50], [3, 10 + id, 1], 0.25f * (m % 5) - 0.5f)).ToArray(),
        Outcome: id % 3 - 1, Resigned: id % 2 == 0, ResignDisabled: id % 5 == 0, WouldResignPlayer: id % 5 == 0 ? 1 : -1);

    private static void AssertSame(SelfPlayRecord a, SelfPlayRecord b)
    {
        Assert.Equal(a.Game, b.Game);
        Assert.Equal(a.Seed, b.Seed);
        Assert.Equal((a.Outcome, a.Resigned, a.ResignDisabled, a.WouldResignPlayer), (b.Outcome, b.Resigned, b.ResignDisabled, b.WouldResignPlayer));
        Assert.Equal(a.Moves.Count, b.Moves.Count);
        for (int i = 0; i < a.Moves.Count; i++)
        {
            Assert.Equal(a.Moves[i].Action, b.Moves[i].Action);
            Assert.Equal(a.Moves[i].VisitActions, b.Moves[i].VisitActions);
            Assert.Equal(a.Moves[i].VisitCounts, b.Moves[i].VisitCounts);
            Assert.Equal(a.Moves[i].Value, b.Moves[i].Value, 3);
        }
    }

    [Fact]
    public void CodecRoundTripsAndIsCompact()
    {
        SelfPlayRecord g = Game(7, 9);
        byte[] bytes = SelfPlayRecordCodec.Encode(g);
        AssertSame(g, SelfPlayRecordCodec.Decode(bytes));
        Assert.True(bytes.Length < 20 + 9 * 12, $"{bytes.Length} bytes");
        Assert.Throws<InvalidDataException>(() => SelfPlayRecordCodec.Decode(bytes.AsSpan(0, bytes.Length - 3)));
        bytes[0] = 9;
        Assert.Throws<InvalidDataException>(() => SelfPlayRecordCodec.Decode(bytes));
    }

    [Fact]
    public void PolicyIsTheNormalisedVisitCount()
    {
        var pi = new float[9];
        new MoveRecord(4, [0, 4, 8], [1, 2, 1], 0).WritePolicy(pi);
        Assert.Equal(new[] { 0.25f, 0, 0, 0, 0.5f, 0, 0, 0, 0.25f }, pi);
    }

    [Fact]
    public void TornTailIsDetectedAndTruncated()
    {
        string path = Path.Combine(_dir, "frames.bin");
        long goodLength;
        using (ReplayFile f = ReplayFile.Open(path))
        {
            for (int i = 0; i < 3; i++) f.Append(SelfPlayRecordCodec.Encode(Game(i)));
            goodLength = f.Length;
        }
        // Simulate kill -9 in the middle of an append: a frame header and half its payload reach the disk.
        byte[] next = SelfPlayRecordCodec.Encode(Game(3));
        using (var raw = new FileStream(path, FileMode.Append))
        {
            raw.Write(BitConverter.GetBytes(next.Length));
            raw.Write(BitConverter.GetBytes(ReplayFile.Crc32C(next)));
            raw.Write(next.AsSpan(0, next.Length / 2));
        }
        using (ReplayFile f = ReplayFile.Open(path))
        {
            Assert.Equal(3, f.Payloads.Count);
            Assert.Equal(8 + next.Length / 2, f.TruncatedBytes);
            Assert.Equal(goodLength, f.Length);
            f.Append(next);
        }
        using (ReplayFile f = ReplayFile.Open(path))
        {
            Assert.Equal(4, f.Payloads.Count);
            Assert.Equal(0, f.TruncatedBytes);
            AssertSame(Game(3), SelfPlayRecordCodec.Decode(f.Payloads[3]));
        }
    }

    [Fact]
    public void ACrashAtAnyByteKeepsExactlyTheCompleteFrames()
    {
        string path = Path.Combine(_dir, "full.bin");
        var ends = new List<long>();
        using (ReplayFile f = ReplayFile.Open(path))
        {
            ends.Add(f.Length);
            for (int i = 0; i < 4; i++)
            {
                f.Append(SelfPlayRecordCodec.Encode(Game(i, moves: i + 2)));
                ends.Add(f.Length);
            }
        }
        byte[] full = File.ReadAllBytes(path);
        string cut = Path.Combine(_dir, "cut.bin");
        for (int length = 0; length < ends[0]; length++)
        {
            // A crash while the file was being created: the partial header is replaced by a fresh one.
            File.WriteAllBytes(cut, full.AsSpan(0, length).ToArray());
            using ReplayFile f = ReplayFile.Open(cut);
            Assert.Empty(f.Payloads);
            Assert.Equal(ends[0], f.Length);
        }
        for (int length = (int)ends[0]; length <= full.Length; length++)
        {
            File.WriteAllBytes(cut, full.AsSpan(0, length).ToArray()); // the file as a crash at this byte leaves it
            using ReplayFile f = ReplayFile.Open(cut);
            int complete = ends.Count(e => e <= length) - 1;
            Assert.Equal(complete, f.Payloads.Count);
            Assert.Equal(length - ends[complete], f.TruncatedBytes);
            Assert.Equal(ends[complete], f.Length);
            for (int i = 0; i < complete; i++) AssertSame(Game(i, moves: i + 2), SelfPlayRecordCodec.Decode(f.Payloads[i]));
        }
    }

    [Fact]
    public void CorruptLastFrameAndTornFrameHeaderAreCutOff()
    {
        string path = Path.Combine(_dir, "frames.bin");
        using (ReplayFile f = ReplayFile.Open(path))
            for (int i = 0; i < 2; i++) f.Append(SelfPlayRecordCodec.Encode(Game(i)));
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^2] ^= 0x40; // a flipped bit in the last payload: checksum mismatch
        File.WriteAllBytes(path, bytes.Concat(new byte[] { 1, 2, 3 }).ToArray());
        using (ReplayFile f = ReplayFile.Open(path))
        {
            Assert.Single(f.Payloads);
            AssertSame(Game(0), SelfPlayRecordCodec.Decode(f.Payloads[0]));
        }
    }

    [Fact]
    public void ForeignFilesAreRejected()
    {
        string path = Path.Combine(_dir, "other.bin");
        File.WriteAllText(path, "this is not a replay file at all");
        var e = Assert.Throws<InvalidDataException>(() => ReplayFile.Open(path));
        Assert.Contains("not a Sente replay file", e.Message);
    }

    [Fact]
    public async Task BufferKeepsAWindowAcrossRestartsAndCompacts()
    {
        var options = new ReplayBufferOptions(WindowGames: 4, CompactionFactor: 2);
        using (ReplayBuffer b = ReplayBuffer.Open(_dir, options))
            for (int i = 0; i < 10; i++) await b.AddAsync(Game(i, moves: i + 1));
        using (ReplayBuffer b = ReplayBuffer.Open(_dir, options))
        {
            Assert.Equal(0, b.TruncatedBytesOnOpen);
            ReplayStats stats = await b.StatsAsync();
            Assert.Equal(4, stats.Games);
            Assert.Equal(7 + 8 + 9 + 10, stats.Positions);
            Assert.Equal(10, stats.TotalGamesAdded);
            IReadOnlyList<SelfPlayRecord> recent = await b.RecentAsync(10);
            Assert.Equal(new ulong[] { 6, 7, 8, 9 }, recent.Select(g => g.Seed));
            AssertSame(Game(9, 10), recent[^1]);
            await b.AddAsync(Game(10, 2));
            Assert.Equal(11, (await b.StatsAsync()).TotalGamesAdded);
        }
        // The file was compacted (8 games reached twice the window): it holds at most 2 x window games.
        using (ReplayFile f = ReplayFile.Open(Path.Combine(_dir, ReplayBuffer.FileName)))
            Assert.InRange(f.Payloads.Count - 1, 4, 8);
        Assert.False(File.Exists(Path.Combine(_dir, ReplayBuffer.FileName + ".tmp")));
    }

    [Fact]
    public async Task BufferSurvivesATornAppend()
    {
        using (ReplayBuffer b = ReplayBuffer.Open(_dir))
            for (int i = 0; i < 3; i++) await b.AddAsync(Game(i));
        string path = Path.Combine(_dir, ReplayBuffer.FileName);
        using (var raw = new FileStream(path, FileMode.Append)) raw.Write(new byte[] { 200, 0, 0, 0, 1, 2 });
        using ReplayBuffer again = ReplayBuffer.Open(_dir);
        Assert.Equal(6, again.TruncatedBytesOnOpen);
        Assert.Equal(3, (await again.StatsAsync()).Games);
    }

    [Fact]
    public async Task SamplesAreUniformOverPositionsAndSeeded()
    {
        using ReplayBuffer b = ReplayBuffer.Open(_dir);
        await b.AddAsync(Game(1, moves: 1));
        await b.AddAsync(Game(2, moves: 0));
        await b.AddAsync(Game(3, moves: 9));
        IReadOnlyList<PositionSample> s1 = await b.SampleAsync(5000, 42);
        IReadOnlyList<PositionSample> s2 = await b.SampleAsync(5000, 42);
        Assert.Equal(s1.Select(s => (s.Game.Seed, s.MoveIndex)), s2.Select(s => (s.Game.Seed, s.MoveIndex)));
        Assert.All(s1, s => Assert.InRange(s.MoveIndex, 0, s.Game.Moves.Count - 1));
        double fromFirst = s1.Count(s => s.Game.Seed == 1) / 5000.0;
        Assert.InRange(fromFirst, 0.07, 0.13); // 1 of 10 positions
    }
}
