using Sente.Lee.Stages;

namespace Sente.Tests.Training;

/// <summary>AlphaGo Lee stage 1 (supervised policy network) end to end on a tiny configuration.</summary>
public class SupervisedPolicyTests
{
    private static readonly string Data = RepoPaths.Data("gnugo-9x9/train.sgf");

    [Fact]
    public void SplitIsByGameAndSkipsRandomOpeningsAndPasses()
    {
        var p = SgfPositions.Load(Data, 9, 0.1, seed: 3);
        var trainGames = p.Train.Select(t => t.Game).ToHashSet();
        Assert.DoesNotContain(p.Test, t => trainGames.Contains(t.Game));
        Assert.InRange(p.Test.Select(t => t.Game).Distinct().Count(), 90, 110);
        foreach (var t in p.Train.Concat(p.Test).Take(5000))
        {
            var game = p.Games[t.Game];
            Assert.True(t.MoveIndex >= SgfPositions.RandomOpeningMoves(game));
            Assert.NotEqual(81, game.Moves[t.MoveIndex].Point);
        }
        Assert.Contains(p.Games, g => SgfPositions.RandomOpeningMoves(g) > 0);
    }

    [Fact]
    public void TinyRunTrainsEvaluatesCheckpointsAndResumes()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-sl-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var data = SgfPositions.Load(Data, 9, 0.1, seed: 1);
            var o = new SupervisedPolicyOptions(Planes: 20, Filters: 8, Layers: 3, Batch: 16, Steps: 4, EvalEvery: 2, EvalPositions: 64, Threads: 1);
            var h = new SupervisedPolicy(o, data, dir).Run();
            Assert.Equal(new long[] { 2, 4 }, h.Select(a => a.Step));
            Assert.All(h, a => Assert.True(a.Top1 >= 0 && a.Top1 <= a.Top3 && a.Top3 <= 1 && double.IsFinite(a.Loss) && a.Top1Symmetric is >= 0 and <= 1));
            Assert.True(File.Exists(Path.Combine(dir, "policy.ckpt")));
            var more = new SupervisedPolicy(o with { Steps = 6 }, data, dir).Run();
            Assert.Equal(new long[] { 2, 4, 6 }, more.Select(a => a.Step));
            Assert.Equal(h[1], more[1]);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BadDataOrOptionsFailWithAMessage()
    {
        var (code, _, err) = SenteCli.Run("lee", "sl", "--data", "/nonexistent/games");
        Assert.NotEqual(0, code);
        Assert.Contains("/nonexistent/games", err);
        (code, _, err) = SenteCli.Run("lee", "sl", "--data", Data, "--planes", "7");
        Assert.NotEqual(0, code);
        Assert.Contains("planes", err);
        (code, _, err) = SenteCli.Run("lee", "sl", "--data", Data, "--layers", "2");
        Assert.NotEqual(0, code);
        Assert.Contains("layers", err);
        (code, _, err) = SenteCli.Run("lee", "sl", "--data", Data, "--threads", "-1");
        Assert.NotEqual(0, code);
        Assert.Contains("threads", err);
    }

    [Fact]
    public void CliRunEvaluatesOnTheAskedNumberOfHeldOutPositions()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-slcli-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (code, output, err) = SenteCli.Run("lee", "sl", "--data", Data, "--planes", "4", "--filters", "4", "--layers", "3",
                "--batch", "8", "--steps", "2", "--eval-every", "2", "--eval-positions", "37", "--threads", "1", "--run-dir", dir);
            Assert.True(code == 0, err);
            Assert.Contains("(37 positions", output);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>AlphaGo Lee's rollout policy trained on expert moves.</summary>
public class SupervisedRolloutTests
{
    [Fact]
    public void RolloutPolicyLearnsFarAboveChanceAndSavesItsWeights()
    {
        var data = SgfPositions.Load(RepoPaths.Data("gnugo-9x9/train.sgf"), 9, 0.1, seed: 2);
        string dir = Path.Combine(Path.GetTempPath(), $"sente-rollout-{Guid.NewGuid():N}");
        string path = Path.Combine(dir, "rollout.bin");
        try
        {
            var h = SupervisedRollout.Train(data, 1, 0.05f, seed: 2, weightsPath: path);
            var a = Assert.Single(h);
            Assert.Equal(data.Test.Count, a.Positions);
            // About 50 legal moves per position: chance is ~2%; a trained pattern policy is far above it.
            Assert.True(a.Top1 > 0.15, $"top-1 {a.Top1:P1}");
            Assert.True(File.Exists(path));
            Assert.True(a.MicrosecondsPerMove > 0);
            var report = RolloutReport.Read(RolloutReport.PathBeside(path));
            Assert.Equal(a.Top1, report.Top1);
            Assert.Equal(a.MicrosecondsPerMove, report.MicrosecondsPerMove);
            Assert.Equal(a.Positions, report.TestPositions);
            Assert.Equal(data.Train.Select(t => t.Game).Distinct().Count(), report.TrainGames);
            File.WriteAllText(RolloutReport.PathBeside(path), "{\"Top1\": 0.3}");
            Assert.Throws<InvalidDataException>(() => RolloutReport.Read(RolloutReport.PathBeside(path)));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
