using Sente.Go;
using Sente.Lee.Stages;

namespace Sente.Tests.Lee.Stages;

/// <summary>AlphaGo's value-network data games (SL policy to U-1, random move U, RL policy to the end) as SGF.</summary>
public class ValueDataTests
{
    /// <summary>Runs <paramref name="body"/> with a fresh temporary folder, deleted afterwards.</summary>
    private static void InTempDir(string prefix, Action<string> body)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-{prefix}-{Guid.NewGuid():N}"[..22]);
        try { body(dir); }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void WritesValidSgfWithVsAndResultAndContinuesAfterTheLastChunk() => InTempDir("vd", dir =>
        {
            using var sl = PolicyGamesTests.TinyNet(7, 1);
            using var rl = PolicyGamesTests.TinyNet(7, 2);
            var o = new ValueDataOptions(Size: 7, Games: 10, MaxU: 30, ChunkGames: 4, Seed: 3, Threads: 1);
            string a = Path.Combine(dir, "a");
            ValueDataSummary s1 = ValueData.Generate(sl, rl, o, a);
            Assert.Equal(new[] { "value-000000-000004.sgf", "value-000004-000008.sgf", "value-000008-000010.sgf" },
                Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(10, s1.GamesPlayed);
            Assert.Equal(10, s1.GamesAdded + s1.EndedBeforeU);
            Assert.True(s1.GamesAdded >= 8, $"{s1.GamesAdded} games reached U");

            // Every game reads back (legal moves), has a decisive result, and VS[U] with U in 1..MaxU.
            var games = Directory.GetFiles(a).Order(StringComparer.Ordinal).SelectMany(f => Sgf.ReadCollection(File.ReadAllText(f))).ToList();
            Assert.Equal(s1.GamesInFiles, games.Count);
            foreach (GameRecord g in games)
            {
                int u = int.Parse(g.Properties[ValuePositions.SampleProperty], System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(u, 1, 30);
                Assert.True(g.Moves.Count > u);
                Assert.NotEqual(Stone.Empty, ValuePositions.Winner(g.Result));
                Assert.Equal(g.Replay().Score().ResultString, g.Result);
            }
            var data = ValuePositions.Load(a, 7, ValueMode.Sampled, 0.2, seed: 1);
            Assert.Equal(games.Count, data.Train.Count + data.Test.Count);

            // A rerun continues after the last file; the files already there are kept as they were.
            string first = File.ReadAllText(Path.Combine(a, "value-000000-000004.sgf"));
            ValueDataSummary s2 = ValueData.Generate(sl, rl, o with { Games = 13 }, a);
            Assert.Equal(13, s2.GamesPlayed);
            Assert.Equal(1, s2.ChunksWritten);
            Assert.True(File.Exists(Path.Combine(a, "value-000010-000013.sgf")));
            Assert.Equal(first, File.ReadAllText(Path.Combine(a, "value-000000-000004.sgf")));
            Assert.Equal(0, ValueData.Generate(sl, rl, o with { Games = 13 }, a).ChunksWritten);

            // Same seed, same games; and U beyond every game's end leaves the games out, counted.
            string b = Path.Combine(dir, "b");
            ValueData.Generate(sl, rl, o with { Games = 4 }, b);
            Assert.Equal(first, File.ReadAllText(Path.Combine(b, "value-000000-000004.sgf")));
            ValueDataSummary late = ValueData.Generate(sl, rl, o with { Games = 3, MaxU = 100_000 }, Path.Combine(dir, "c"));
            Assert.True(late.EndedBeforeU >= 2, $"{late.EndedBeforeU} ended before U");
        });

    [Fact]
    public void RlTemperatureChangesOnlyTheGamesAfterMoveUAndIsRecorded() => InTempDir("vdt", dir =>
        {
            using var sl = PolicyGamesTests.TinyNet(5, 1);
            using var rl = PolicyGamesTests.TinyNet(5, 2);
            var o = new ValueDataOptions(Size: 5, Games: 6, MaxU: 10, ChunkGames: 6, Seed: 4, Threads: 1);
            ValueData.Generate(sl, rl, o, Path.Combine(dir, "t1"));
            ValueData.Generate(sl, rl, o with { RlTemperature = 0 }, Path.Combine(dir, "t0"));
            var sampled = Sgf.ReadCollection(File.ReadAllText(Path.Combine(dir, "t1", "value-000000-000006.sgf")));
            var greedy = Sgf.ReadCollection(File.ReadAllText(Path.Combine(dir, "t0", "value-000000-000006.sgf")));
            Assert.Equal(sampled.Count, greedy.Count);
            var player = new PolicyNetPlayer(rl, temperature: 0, seed: 1, name: "rl");
            bool anyDifferent = false;
            for (int g = 0; g < greedy.Count; g++)
            {
                int u = int.Parse(greedy[g].Properties[ValuePositions.SampleProperty], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(sampled[g].Properties[ValuePositions.SampleProperty], greedy[g].Properties[ValuePositions.SampleProperty]);
                // Moves 1..U are the same (same seed); after U the RL policy plays its best allowed move.
                Assert.Equal(sampled[g].Moves.Take(u).Select(m => m.Point), greedy[g].Moves.Take(u).Select(m => m.Point));
                anyDifferent |= !sampled[g].Moves.Select(m => m.Point).SequenceEqual(greedy[g].Moves.Select(m => m.Point));
                var s = new GoState(5, 7.5, Rules.TrompTaylor);
                for (int i = 0; i < greedy[g].Moves.Count; i++)
                {
                    int move = greedy[g].Moves[i].Point;
                    if (i >= u) Assert.Equal(player.ChooseMove(s), move);
                    s.Play(s.ToMove, move);
                }
                Assert.Contains("at temperature 0", greedy[g].Properties["GC"]);
            }
            Assert.True(anyDifferent, "greedy and sampled RL phases played the same games");
            Assert.Throws<ArgumentException>(() => (o with { RlTemperature = -1 }).Validate());
        });

    [Fact]
    public void CommandRejectsAMissingOrWrongCheckpoint()
    {
        var (code, _, err) = SenteCli.Run("lee", "value-data", "--sl", "/nonexistent/sl.ckpt", "--rl", "/nonexistent/rl.ckpt", "--games", "1");
        Assert.NotEqual(0, code);
        Assert.Contains("/nonexistent/sl.ckpt", err);
    }
}
