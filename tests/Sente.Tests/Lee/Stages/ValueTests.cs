using Sente.Core;
using Sente.Go;
using Sente.Nn.Blocks;
using Sente.Lee.Networks;
using Sente.Lee.Stages;
using Xunit.Abstractions;

namespace Sente.Tests.Lee.Stages;

/// <summary>AlphaGo Lee's value data (positions and outcomes from SGF) and value network training.</summary>
public class ValueTests(ITestOutputHelper output)
{
    private static readonly string Data = RepoPaths.Data("gnugo-9x9/train.sgf");

    private static string TempDir(string prefix)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-{prefix}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void ModesTakeOneOrEveryPositionPerGameAndSplitByGame()
    {
        var one = ValuePositions.Load(Data, 9, ValueMode.One, 0.1, seed: 5);
        var all = ValuePositions.Load(Data, 9, ValueMode.All, 0.1, seed: 5);
        Assert.Equal(1002, one.Games.Count);
        Assert.Equal(0, one.SkippedGames);
        Assert.Equal(one.Games.Count, one.Train.Count + one.Test.Count);
        Assert.Equal(one.Games.Count, one.Train.Concat(one.Test).Select(s => s.Game).Distinct().Count());
        Assert.Equal(all.Games.Sum(g => g.Moves.Count), all.Train.Count + all.Test.Count);
        Assert.InRange(one.Test.Count, 90, 110);

        var trainGames = all.Train.Select(s => s.Game).ToHashSet();
        Assert.DoesNotContain(all.Test, s => trainGames.Contains(s.Game));
        // The split depends on the games and the seed only: every mode holds out the same games.
        Assert.Equal(one.Test.Select(s => s.Game).ToHashSet(), all.Test.Select(s => s.Game).ToHashSet());
        var other = ValuePositions.Load(Data, 9, ValueMode.One, 0.1, seed: 6);
        Assert.NotEqual(one.Test.Select(s => s.Game).ToHashSet(), other.Test.Select(s => s.Game).ToHashSet());

        // z is the outcome for the player to move: +1 exactly when the mover is the winner named by RE.
        foreach (var s in all.Train.Take(3000))
        {
            var game = all.Games[s.Game];
            Stone mover = game.Replay(s.MoveCount).ToMove;
            Assert.Equal(mover == ValuePositions.Winner(game.Result) ? 1f : -1f, s.Z);
        }
        Assert.Contains(one.Train, s => s.MoveCount > 10);
        Assert.Equal(Stone.White, ValuePositions.Winner("W+R"));
        Assert.Equal(Stone.Black, ValuePositions.Winner(" b+0.5 "));
        Assert.Equal(Stone.Empty, ValuePositions.Winner("0"));
        Assert.Equal(Stone.Empty, ValuePositions.Winner("Void"));
    }

    [Fact]
    public void LearningRateDropsTenfoldAtEachScheduledStep()
    {
        var o = new SupervisedValueOptions(LearningRate: 0.01, LrDrops: [100, 300]);
        Assert.Equal(0.01, o.LearningRateAt(0), 12);
        Assert.Equal(0.01, o.LearningRateAt(99), 12);
        Assert.Equal(0.001, o.LearningRateAt(100), 12);
        Assert.Equal(0.0001, o.LearningRateAt(300), 12);
        Assert.Throws<ArgumentException>(() => new SupervisedValueOptions(LrDrops: [0]).Validate());
    }

    [Fact]
    public void SampledModeNeedsVsAndGamesWithoutAResultAreSkipped()
    {
        var e = Assert.Throws<InvalidDataException>(() => ValuePositions.Load(Data, 9, ValueMode.Sampled, 0.1, 1));
        Assert.Contains(Data, e.Message);
        Assert.Contains("game 1 ", e.Message);
        Assert.Contains("VS", e.Message);

        string dir = TempDir("vs");
        try
        {
            string file = Path.Combine(dir, "v.sgf");
            File.WriteAllText(file,
                "(;SZ[9]KM[7.5]RE[B+2.5]VS[2];B[ee];W[cc];B[gg];W[])\n" +
                "(;SZ[9]KM[7.5]VS[1];B[ee];W[cc])\n" +
                "(;SZ[9]KM[7.5]RE[0]VS[1];B[ee];W[cc])\n" +
                "(;SZ[9]KM[7.5]RE[W+R]VS[3];B[ee];W[cc];B[gg];W[gc])\n");
            var p = ValuePositions.Load(file, 9, ValueMode.Sampled, 0.5, 1);
            Assert.Equal(2, p.Games.Count);
            Assert.Equal(2, p.SkippedGames);
            var samples = p.Train.Concat(p.Test).OrderBy(s => s.Game).ToList();
            Assert.Equal(new ValueSample(0, 2, 1f), samples[0]);   // Black to move after 2 moves, Black won
            Assert.Equal(new ValueSample(1, 3, 1f), samples[1]);   // White to move after 3 moves, White won
            // from-sample: every position from the VS one to the end (here 2..3 of game 0, 3 of game 1).
            var from = ValuePositions.Load(file, 9, ValueMode.FromSample, 0.5, 1);
            Assert.Equal(new[] { new ValueSample(0, 2, 1f), new ValueSample(0, 3, -1f), new ValueSample(1, 3, 1f) },
                from.Train.Concat(from.Test).OrderBy(s => s.Game).ThenBy(s => s.MoveCount));

            File.WriteAllText(file, "(;SZ[9]RE[B+1]VS[2];B[ee];W[cc];B[gg])\n(;SZ[9]RE[B+1]VS[9];B[ee])\n");
            e = Assert.Throws<InvalidDataException>(() => ValuePositions.Load(file, 9, ValueMode.Sampled, 0.5, 1));
            Assert.Contains("game 2", e.Message);
            Assert.Contains("VS[9]", e.Message);

            var (code, _, err) = SenteCli.Run("lee", "value", "--data", Data, "--mode", "sampled", "--steps", "1");
            Assert.NotEqual(0, code);
            Assert.Contains("VS", err);
            (code, _, err) = SenteCli.Run("lee", "value", "--data", Data, "--mode", "most");
            Assert.NotEqual(0, code);
            Assert.Contains("mode", err);
            (code, _, err) = SenteCli.Run("lee", "value", "--data", Data, "--mode", "all", "--lr-drop", "10,x");
            Assert.NotEqual(0, code);
            Assert.Contains("--lr-drop: 'x'", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Games on 5x5 whose outcome is visible in the sampled (final) position: the side with more stones on
    /// the board wins. A value net can learn this; a constant cannot.</summary>
    private static void WriteCountingGames(string file, int games, ulong seed)
    {
        var rng = new Rng(seed);
        var records = new List<GameRecord>();
        var legal = new List<int>();
        for (int g = 0; g < games; g++)
        {
            var s = new GoState(5, 0.5, Rules.TrompTaylor);
            int moves = 4 + rng.NextInt(8);
            for (int m = 0; m < moves; m++)
            {
                legal.Clear();
                for (int p = 0; p < 25; p++) if (s.IsLegal(s.ToMove, p)) legal.Add(p);
                // One side (chosen per game) passes often, so one side usually has clearly more stones.
                bool lazy = s.ToMove == (g % 2 == 0 ? Stone.Black : Stone.White);
                bool pass = legal.Count == 0 || s.ConsecutivePasses == 0 && lazy && rng.NextDouble() < 0.9;
                s.Play(s.ToMove, pass ? 25 : legal[rng.NextInt(legal.Count)]);
            }
            int black = 0, white = 0;
            for (int p = 0; p < 25; p++) { if (s.Board[p] == Stone.Black) black++; else if (s.Board[p] == Stone.White) white++; }
            var r = GameRecord.FromState(s, black >= white ? "B+1" : "W+1");
            r.Properties[ValuePositions.SampleProperty] = moves.ToString(System.Globalization.CultureInfo.InvariantCulture);
            records.Add(r);
        }
        File.WriteAllText(file, Sgf.WriteCollection(records));
    }

    /// <summary>Trains <paramref name="o"/> on 600 counting games written into <paramref name="dir"/> (run directory
    /// dir/run) and checks that the held-out MSE ends below 0.7 times the constant predictor's.</summary>
    private (string File, ValuePositions Data, string Run, IReadOnlyList<ValueError> History) TrainOnCountingGames(string dir, SupervisedValueOptions o)
    {
        string file = Path.Combine(dir, "count.sgf");
        WriteCountingGames(file, 600, seed: 11);
        var data = ValuePositions.Load(file, 5, ValueMode.Sampled, 0.2, seed: 1);
        string run = Path.Combine(dir, "run");
        var h = new SupervisedValue(o, data, run).Run();
        foreach (var e in h) output.WriteLine($"step {e.Step}: train {e.TrainMse:0.000} held-out {e.TestMse:0.000} constant {e.ConstantMse:0.000}");
        var last = h[^1];
        Assert.True(last.TestMse < 0.7 * last.ConstantMse, $"held-out {last.TestMse:0.000} vs constant {last.ConstantMse:0.000}");
        return (file, data, run, h);
    }

    [Fact]
    public void ValueNetBeatsTheConstantPredictorOnAnEasyCaseAndResumes()
    {
        string dir = TempDir("value");
        try
        {
            var o = new SupervisedValueOptions(Size: 5, Filters: 8, Layers: 3, Batch: 32, Steps: 200, LearningRate: 0.003,
                EvalEvery: 100, EvalPositions: 500, Threads: 1);
            var (file, data, run, h) = TrainOnCountingGames(dir, o);
            Assert.Equal(new long[] { 100, 200 }, h.Select(e => e.Step));
            Assert.True(h[^1].ConstantMse > 0.5, $"constant {h[^1].ConstantMse:0.000}");
            Assert.True(File.Exists(Path.Combine(run, "value.ckpt")));
            string json = File.ReadAllText(Path.Combine(run, "value-state.json"));
            Assert.Contains("\"Mode\": \"Sampled\"", json);
            Assert.Contains("\"ConstantMse\"", json);

            var more = new SupervisedValue(o with { Steps = 250 }, data, run).Run();
            Assert.Equal(new long[] { 100, 200, 250 }, more.Select(e => e.Step));
            Assert.Equal(h[1], more[1]);

            var otherMode = ValuePositions.Load(file, 5, ValueMode.All, 0.2, seed: 1);
            Assert.Throws<InvalidDataException>(() => new SupervisedValue(o with { Steps = 400 }, otherMode, run).Run());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ValueNetOnAResidualTrunkLearnsTheEasyCaseAndLoadsAsAnEvaluator()
    {
        string dir = TempDir("value-trunk");
        try
        {
            var o = new SupervisedValueOptions(Size: 5, Filters: 8, Batch: 32, Steps: 200, LearningRate: 0.01,
                EvalEvery: 100, EvalPositions: 500, Threads: 1, Trunk: new TrunkConfig(Blocks: 2, Width: 8));
            Assert.Equal("AlphaGoValue 5x5, 49 planes, ResNet 2x8 Batch", Sente.Nn.Checkpoints.Checkpoint.Describe(o.Model));
            var (_, data, run, _) = TrainOnCountingGames(dir, o);

            // The checkpoint is a value network on its trunk: the search's evaluator loads it and evaluates in [-1, 1].
            string ckpt = Path.Combine(run, "value.ckpt");
            var evaluator = LeeNetworks.LoadValue(ckpt);
            var values = new float[1];
            evaluator.Evaluate([new GoState(5, 0.5, Rules.TrompTaylor)], new float[26], values);
            Assert.InRange(values[0], -1f, 1f); // not bit-reproducible inside the full suite (torch threads shared): see the note
            // IntraOpThreads sets the calling thread's libtorch intra-op threads (an APV worker thread's, vthreads=1).
            int seen = 0;
            var thread = new Thread(() =>
            {
                Sente.Nn.TorchRuntime.ConfigureCurrentThread(2);
                evaluator.IntraOpThreads = 1;
                evaluator.Evaluate([new GoState(5, 0.5, Rules.TrompTaylor)], new float[26], new float[1]);
                seen = Sente.Nn.TorchRuntime.ThreadCounts().IntraOp;
                Sente.Nn.TorchRuntime.ConfigureCurrentThread(0);
            });
            thread.Start();
            thread.Join();
            Assert.Equal(1, seen);
            // The same run directory with the plain stack is refused, naming both architectures.
            var plain = o with { Trunk = null, Layers = 3, Steps = 300 };
            string message = Assert.Throws<InvalidDataException>(() => new SupervisedValue(plain, data, run).Run()).Message;
            Assert.Contains("ResNet 2x8", message);
            Assert.Contains("3 layers x 8 filters", message);
            Assert.Contains("--run-dir", message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
