using System.Text.Json;
using System.Text.RegularExpressions;
using Sente.Cli;
using Sente.Cli.Composition.Players;
using Sente.Go;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using Sente.Lee.Stages;
using static TorchSharp.torch;
using Sente.Lee.Features;

namespace Sente.Tests.Lee.Stages;

/// <summary>AlphaGo's RL policy step: the REINFORCE update, the run directory, the `lee rl` command.</summary>
public class ReinforcePolicyTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), "sente-rl-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A position of an empty 5x5 board (Black to move) with every point allowed, in game <paramref name="game"/>.</summary>
    private static (float[] Planes, bool[] Allowed) EmptyBoard()
    {
        var s = new GoState(5, 0.5, Rules.TrompTaylor);
        var planes = new float[PolicySamples.PlaneCount * 25];
        new Sente.Lee.Features.AlphaGoEncoder(5).Encode(s, planes);
        var allowed = new bool[26];
        for (int p = 0; p < 25; p++) allowed[p] = true;
        return (planes, allowed);
    }

    private static double LogProb(AlphaGoPolicyNet net, float[] planes, bool[] allowed, int action)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        float[] l = net.forward(tensor(planes, new long[] { 1, 48, 5, 5 })).data<float>().ToArray();
        double max = Enumerable.Range(0, 26).Where(a => allowed[a]).Max(a => (double)l[a]);
        double z = Enumerable.Range(0, 26).Where(a => allowed[a]).Sum(a => Math.Exp(l[a] - max));
        return l[action] - max - Math.Log(z);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UpdateRaisesTheLogProbabilityOfWonMovesAndLowersLostOnes(bool won)
    {
        using var net = PolicyGamesTests.TinyNet(5, 11);
        var (planes, allowed) = EmptyBoard();
        const int action = 12;
        var samples = new PolicySamples(5);
        samples.Add(planes, allowed, action, game: 0, Stone.Black);
        // A finished game Black won (area 20 - 5 - komi 0.5 > 0) or lost.
        var score = won ? new AreaScore(20, 5, 0.5) : new AreaScore(5, 20, 0.5);
        samples.SetOutcomes([new PolicyGame([action], [0], score, false)]);
        double before = LogProb(net, planes, allowed, action);
        using var sgd = new Sgd(net.parameters(), 0.05);
        double loss = ReinforceUpdate.Step(net, sgd, samples, games: 1, temperature: 1, baseline: null, CPU);
        Assert.Equal(-(won ? 1 : -1) * before, loss, 4);
        double after = LogProb(net, planes, allowed, action);
        if (won) Assert.True(after > before + 1e-4, $"won: log p {before:0.0000} -> {after:0.0000}");
        else Assert.True(after < before - 1e-4, $"lost: log p {before:0.0000} -> {after:0.0000}");
    }

    [Fact]
    public void ZeroAdvantageLeavesTheWeightsAlone()
    {
        using var net = PolicyGamesTests.TinyNet(5, 12);
        var (planes, allowed) = EmptyBoard();
        var samples = new PolicySamples(5);
        samples.Add(planes, allowed, 7, 0, Stone.Black);
        samples.SetOutcomes([new PolicyGame([7], [0], new AreaScore(10, 10, 0), false)]); // a draw: z = 0
        float[] w0 = net.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        using var sgd = new Sgd(net.parameters(), 0.5);
        ReinforceUpdate.Step(net, sgd, samples, 1, 1, null, CPU);
        Assert.Equal(w0, net.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray());
    }

    internal static string TinySl(string dir, int size = 5)
    {
        using var net = PolicyGamesTests.TinyNet(size, 21);
        string path = Path.Combine(dir, "sl.ckpt");
        Checkpoint.Save(path, net, net.Config, 0);
        return path;
    }

    [Fact]
    public void RunWritesItsDirectoryAndResumesFromTheSavedIteration()
    {
        string dir = TempDir();
        try
        {
            Directory.CreateDirectory(dir);
            string sl = TinySl(dir);
            string run = Path.Combine(dir, "run");
            var o = new ReinforcePolicyOptions(Iterations: 3, Games: 4, PoolEvery: 2, EvalEvery: 2, EvalGames: 4, Threads: 1, Seed: 3);
            var h = new ReinforcePolicy(o, sl, run).Run();
            Assert.Equal(new[] { 2, 3 }, h.Select(e => e.Iteration));
            Assert.Equal(new[] { 0.0, 0.5 }, h.Select(e => e.WinRateVsSl)); // seeded, 4 games each
            Assert.True(File.Exists(Path.Combine(run, "pool", "pool-000000.ckpt")));
            Assert.True(File.Exists(Path.Combine(run, "pool", "pool-000002.ckpt")));
            Assert.Equal(3, Checkpoint.ReadHeader(Path.Combine(run, "policy.ckpt")).TrainingStep);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "rl-state.json")));
            Assert.Equal(3, doc.RootElement.GetProperty("Iteration").GetInt32());
            Assert.Equal(2, doc.RootElement.GetProperty("History").GetArrayLength());

            // A cancelled run saves nothing of the running iteration; the rerun continues from iteration 3.
            using (var cancelled = new CancellationTokenSource())
            {
                cancelled.Cancel();
                var same = new ReinforcePolicy(o with { Iterations = 5 }, sl, run).Run(cancelled.Token);
                Assert.Equal(h, same);
                Assert.Equal(3, Checkpoint.ReadHeader(Path.Combine(run, "policy.ckpt")).TrainingStep);
            }
            var more = new ReinforcePolicy(o with { Iterations = 4 }, sl, run).Run();
            Assert.Equal(new[] { 2, 3, 4 }, more.Select(e => e.Iteration));
            Assert.Equal(h[0], more[0]);
            Assert.Equal(4, Checkpoint.ReadHeader(Path.Combine(run, "policy.ckpt")).TrainingStep);

            // Resuming is the same as running straight through (iteration i depends on (seed, i) and the weights only).
            string straight = Path.Combine(dir, "straight");
            var all = new ReinforcePolicy(o with { Iterations = 4 }, sl, straight).Run();
            Assert.Equal(new[] { 2, 4 }, all.Select(e => e.Iteration));
            Assert.Equal(more[^1], all[^1]);
            Assert.Equal(Checkpoint.ReadHeader(Path.Combine(run, "policy.ckpt")).WeightsSha256,
                         Checkpoint.ReadHeader(Path.Combine(straight, "policy.ckpt")).WeightsSha256);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CliRunsEndToEndAndRejectsBadCheckpoints()
    {
        string dir = TempDir();
        try
        {
            Directory.CreateDirectory(dir);
            string sl = TinySl(dir);
            string run = Path.Combine(dir, "run");
            var (code, output, err) = SenteCli.Run("lee", "rl", "--sl", sl, "--run-dir", run, "--iterations", "2", "--games", "2",
                "--eval-every", "1", "--eval-games", "2", "--threads", "1");
            Assert.True(code == 0, err);
            Assert.Contains("iteration      1: win rate vs SL", output);
            Assert.Contains("iteration      2: win rate vs SL", output);
            Assert.True(File.Exists(Path.Combine(run, "policy.ckpt")));

            // The trained policy plays in the arena (batched policy-vs-policy games) and as a match/GTP player.
            (code, output, err) = SenteCli.Run("arena", "--a", "policy:" + Path.Combine(run, "policy.ckpt"), "--b", "policy:" + sl,
                "--size", "5", "--games", "4", "--sgf-dir", Path.Combine(dir, "arena"));
            Assert.True(code == 0, err);
            var m = Regex.Match(output, @"arena: (.+) vs (.+), 4 games of go 5x5 .*: \d+ wins, \d+ losses, \d+ draws");
            Assert.True(m.Success, output);
            Sente.Tests.Cli.ArenaCommandTests.AssertRecords(Path.Combine(dir, "arena"), 4, m.Groups[1].Value, m.Groups[2].Value, 5);
            (code, output, err) = SenteCli.Run("arena", "--a", "policy:" + sl + ",temperature=0", "--b", "random", "--size", "5", "--games", "2");
            Assert.True(code == 0, err);
            Assert.Contains("2 games of", output);
            var player = PlayerCatalog.Default.CreateRegistry().Create("policy:model=" + sl + ",temperature=0", 1);
            var s = new GoState(5, 0.5, Rules.TrompTaylor);
            Assert.True(s.IsLegal(Stone.Black, player.GenerateMove(s, Stone.Black, Sente.Gtp.Players.GtpClock.Unlimited).Point));

            (code, _, err) = SenteCli.Run("lee", "rl", "--sl", Path.Combine(dir, "missing.ckpt"), "--run-dir", run);
            Assert.NotEqual(0, code);
            Assert.Contains("missing.ckpt", err);
            Assert.Contains("not found", err);

            using (var value = new AlphaGoValueNet(new ModelConfig(ModelKind.AlphaGoValue, 5, 49, Filters: 4, Layers: 3, ValueHidden: 8)))
                Checkpoint.Save(Path.Combine(dir, "value.ckpt"), value, value.Config, 0);
            (code, _, err) = SenteCli.Run("lee", "rl", "--sl", Path.Combine(dir, "value.ckpt"), "--run-dir", run);
            Assert.NotEqual(0, code);
            Assert.Contains("not an AlphaGo policy network", err);
            (code, _, err) = SenteCli.Run("lee", "rl", "--sl", sl, "--run-dir", run, "--baseline", sl);
            Assert.NotEqual(0, code);
            Assert.Contains("not a 5x5 AlphaGo value network", err);
            File.WriteAllText(Path.Combine(dir, "junk.ckpt"), "not a checkpoint");
            (code, _, err) = SenteCli.Run("lee", "rl", "--sl", Path.Combine(dir, "junk.ckpt"), "--run-dir", run);
            Assert.NotEqual(0, code);
            Assert.Contains("not a Sente checkpoint", err);
            (code, _, err) = SenteCli.Run("lee", "rl", "--sl", sl, "--run-dir", run, "--games", "1");
            Assert.NotEqual(0, code);
            Assert.Contains("games per iteration", err);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ValueBaselineIsSubtracted()
    {
        string dir = TempDir();
        try
        {
            Directory.CreateDirectory(dir);
            string sl = TinySl(dir);
            using var value = new AlphaGoValueNet(new ModelConfig(ModelKind.AlphaGoValue, 5, 49, Filters: 4, Layers: 3, ValueHidden: 8));
            string valuePath = Path.Combine(dir, "value.ckpt");
            Checkpoint.Save(valuePath, value, value.Config, 0);
            var h = new ReinforcePolicy(new ReinforcePolicyOptions(Iterations: 1, Games: 2, EvalGames: 2, Threads: 1), sl, Path.Combine(dir, "run"), valuePath).Run();
            Assert.Single(h);
            // The loss with a baseline is -(1/n) sum (z - v(s)) log p: check v(s) is read from the 49-plane input.
            var (planes, allowed) = EmptyBoard();
            var samples = new PolicySamples(5);
            samples.Add(planes, allowed, 1, 0, Stone.Black);
            samples.Add(planes, allowed, 1, 0, Stone.White);
            float[] v = ReinforceUpdate.Values(value, samples, 0, 2, CPU);
            Assert.NotEqual(v[0], v[1]); // the colour plane differs
            Assert.Equal(0.318315029f, v[0], 5); // seeded network: exact values
            Assert.Equal(0.318339854f, v[1], 5);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
