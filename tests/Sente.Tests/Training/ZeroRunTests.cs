using System.Diagnostics;
using Sente.Cli;
using Sente.Cli.Composition;
using Sente.Core.Config;
using Sente.Training;
using Sente.Training.Zero;

namespace Sente.Tests.Training;

/// <summary>The AlphaGo Zero loop end to end on a tiny tic-tac-toe configuration: run directory, resume, kill -9.</summary>
public class ZeroRunTests
{
    private static ZeroOptions Tiny(int iterations) => ZeroOptions.DefaultsFor("tictactoe") with
    {
        Blocks = 1, Filters = 8, GamesPerIteration = 8, Visits = 8, ParallelGames = 8, StepsPerIteration = 3,
        BatchSize = 16, GateGames = 2, GateVisits = 4, EvalEvery = 1, EvalGames = 2, EvalVisits = 4,
        LearningRateBoundaries = [100, 200], Iterations = iterations, Threads = 1,
    };

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-zero-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task TinyRunWritesItsRunDirectoryAndResumesWhereItStopped()
    {
        string dir = TempDir();
        try
        {
            ZeroOptions o = Tiny(2);
            RunState s = await new ZeroRun(o, GameCatalog.For(o), dir).RunAsync();
            Assert.Equal(2, s.Iteration);
            Assert.Equal(RunState.SelfPlay, s.Phase);
            Assert.Equal(2, s.History.Count);
            Assert.All(s.History, m => Assert.True(double.IsFinite(m.PolicyLoss) && m.PolicyLoss > 0));
            Assert.All(s.History, m => Assert.NotNull(m.ScoreVsRandom));
            foreach (string f in new[] { "best.ckpt", "latest.ckpt", "optimizer.bin", "config.cfg", "state.json", "metrics.csv",
                                         "charts/loss.png", "charts/winrate.png", "charts/elo.png", "replay/replay.bin" })
                Assert.True(File.Exists(Path.Combine(dir, f)), f);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "tb")));
            Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Length);

            // The written config reproduces the options, and running again continues from iteration 2.
            ZeroOptions again = ZeroOptions.From(ConfigFile.Load(Path.Combine(dir, "config.cfg"))) with { Iterations = 3 };
            RunState s2 = await new ZeroRun(again, GameCatalog.For(again), dir).RunAsync();
            Assert.Equal(3, s2.Iteration);
            Assert.Equal(s.History[1], s2.History[1]);
            using var replay = ReplayBuffer.Open(Path.Combine(dir, "replay"));
            Assert.Equal(3 * o.GamesPerIteration, (await replay.StatsAsync()).TotalGamesAdded);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task KilledTrainingResumesFromItsLastCheckpointWithTheReplayBufferIntact()
    {
        string dir = TempDir();
        try
        {
            string sente = Path.Combine(AppContext.BaseDirectory, "sente.dll");
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (string a in new[] { sente, "train", "--game", "tictactoe", "--run-dir", dir, "--iterations", "2",
                                         "--set", "net.blocks=1", "--set", "net.filters=8", "--set", "selfplay.games=40",
                                         "--set", "selfplay.visits=24", "--set", "selfplay.parallel=4", "--set", "train.steps=3",
                                         "--set", "train.batch=16", "--set", "gate.games=2", "--set", "gate.visits=4",
                                         "--set", "eval.every=0", "--set", "run.threads=1" })
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // Kill -9 in the middle of the first iteration's self-play: some games are in the replay file, not all.
            string replayFile = Path.Combine(dir, "replay", "replay.bin");
            var clock = Stopwatch.StartNew();
            int gamesAtKill = 0;
            while (clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
            {
                await Task.Delay(20);
                if (!File.Exists(replayFile) || new FileInfo(replayFile).Length < 600) continue;
                process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
                break;
            }
            await process.WaitForExitAsync();
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "self-play never started");
            using (var replay = ReplayBuffer.Open(Path.Combine(dir, "replay")))
                gamesAtKill = (int)(await replay.StatsAsync()).TotalGamesAdded;
            RunState killed = RunState.Load(Path.Combine(dir, "state.json"));
            Assert.Equal(0, killed.Iteration);
            Assert.InRange(gamesAtKill, 1, 39);

            ZeroOptions o = ZeroOptions.From(ConfigFile.Load(Path.Combine(dir, "config.cfg")));
            RunState s = await new ZeroRun(o, GameCatalog.For(o), dir).RunAsync();
            Assert.Equal(2, s.Iteration);
            using var after = ReplayBuffer.Open(Path.Combine(dir, "replay"));
            var stats = await after.StatsAsync();
            Assert.Equal(80, stats.TotalGamesAdded); // the games of the killed run were kept, none played twice
            Assert.Equal(0, after.TruncatedBytesOnOpen);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BadSettingsAreRejectedWithTheKeyNamed()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.NotEqual(0, SenteApp.Run(["train", "--game", "tictactoe", "--set", "selfplay.visits=lots", "--print-config"], o, e));
        Assert.Contains("selfplay.visits", e.ToString());
        e.GetStringBuilder().Clear();
        Assert.NotEqual(0, SenteApp.Run(["train", "--set", "selfplay.vists=3", "--print-config"], o, e));
        Assert.Contains("selfplay.vists", e.ToString());
        e.GetStringBuilder().Clear();
        Assert.NotEqual(0, SenteApp.Run(["train", "--config", "/nonexistent/x.cfg"], o, e));
        Assert.Contains("not found", e.ToString());
    }

    [Fact]
    public void PrintConfigRoundTrips()
    {
        var o = new StringWriter();
        Assert.Equal(0, SenteApp.Run(["train", "--game", "connect4", "--set", "selfplay.visits=77", "--print-config"], o, new StringWriter()));
        ZeroOptions parsed = ZeroOptions.From(ConfigFile.Parse(o.ToString()));
        Assert.Equal("connect4", parsed.Game);
        Assert.Equal(77, parsed.Visits);
        Assert.Equal(ZeroOptions.DefaultsFor("connect4").Blocks, parsed.Blocks);
    }
}
