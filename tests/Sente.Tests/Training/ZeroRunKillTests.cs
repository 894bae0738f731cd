using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Sente.Cli.Composition;
using Sente.Core.Config;
using Sente.Nn.Checkpoints;
using Sente.Training;
using Sente.Training.Zero;

namespace Sente.Tests.Training;

/// <summary>
/// Issue 26: a run interrupted at any point of training, gating or evaluation resumes to exactly the result of an
/// uninterrupted run with the same seed (timings aside). The fast tests interrupt in-process (the Ctrl-C path, a
/// cancellation at a chosen progress report) and roll forward a commit whose installs were cut short; the slow test
/// sends SIGKILL and SIGINT to real `sente train` processes.
/// </summary>
public partial class ZeroRunKillTests
{
    internal static ZeroOptions TinyOptions() => Tiny();

    internal static string NewDir() => TempDir();

    private static ZeroOptions Tiny() => ZeroOptions.DefaultsFor("tictactoe") with
    {
        Blocks = 1, Filters = 8, GamesPerIteration = 8, Visits = 8, ParallelGames = 8, StepsPerIteration = 3,
        BatchSize = 16, GateGames = 6, GateVisits = 8, GateThreshold = 0.3, EvalEvery = 1, EvalGames = 4, EvalVisits = 8,
        LearningRateBoundaries = [100, 200], Iterations = 2, Threads = 1, Seed = 7,
    };

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-kill-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>What must not depend on an interruption: the state without timings, the networks' weights, the
    /// optimizer state, the replay file and metrics.csv without its timing columns.</summary>
    internal static string Outcome(string dir)
    {
        RunState s = RunState.Load(Path.Combine(dir, "state.json"));
        s = s with
        {
            ElapsedSeconds = 0, LastSelfPlaySeconds = 0, LastTrainSeconds = 0,
            History = s.History.Select(m => m with { SelfPlaySeconds = 0, TrainSeconds = 0 }).ToList(),
        };
        var json = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        string Weights(string f) { var h = Checkpoint.ReadHeader(Path.Combine(dir, f)); return $"{h.TrainingStep}:{h.WeightsSha256}"; }
        string Hash(string f) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, f))));
        var csv = File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Select(l => string.Join(",", l.Split(',').Where((_, i) => i is not (3 or 4))));
        return string.Join("\n", JsonSerializer.Serialize(s, json), "best " + Weights("best.ckpt"), "latest " + Weights("latest.ckpt"),
            "optimizer " + Hash("optimizer.bin"), "replay " + Hash("replay/replay.bin"), string.Join("|", csv),
            "staged left: " + string.Join(",", Directory.GetFiles(dir, "*.next").Select(Path.GetFileName)));
    }

    /// <summary>Cancels the run (as Ctrl-C does) at the <c>at</c>-th progress report of phase <c>phase</c>.</summary>
    internal sealed class StopAt(string phase, int at, CancellationTokenSource stop) : IProgress<ZeroProgress>
    {
        private int _seen;
        public bool Stopped { get; private set; }

        public void Report(ZeroProgress p)
        {
            if (p.Phase != phase || p.Iteration != 0 || ++_seen != at) return;
            Stopped = true;
            stop.Cancel();
        }
    }

    /// <summary>The uninterrupted run every case compares with (played once per test class).</summary>
    public sealed class CleanRun : IAsyncLifetime
    {
        public string Dir { get; } = TempDir();
        public string Outcome { get; private set; } = "";

        public async Task InitializeAsync()
        {
            ZeroOptions o = Tiny();
            await new ZeroRun(o, GameCatalog.For(o), Dir).RunAsync();
            Outcome = ZeroRunKillTests.Outcome(Dir);
            Assert.True(RunState.Load(Path.Combine(Dir, "state.json")).History[0].Promoted, "the test needs a promotion in iteration 1");
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Dir, recursive: true);
            return Task.CompletedTask;
        }
    }
}

/// <summary>No other test runs beside these: libtorch's intra-op thread settings are per thread and shared with the
/// rest of the test process, and bit-identical training needs them to stay as run.threads sets them.</summary>
[CollectionDefinition("Serial torch", DisableParallelization = true)]
public sealed class SerialTorchCollection;

/// <summary>The in-process cases of <see cref="ZeroRunKillTests"/>, sharing one uninterrupted run.</summary>
[Collection("Serial torch")]
public class ZeroRunInterruptTests(ZeroRunKillTests.CleanRun clean) : IClassFixture<ZeroRunKillTests.CleanRun>
{
    private static ZeroOptions Tiny() => ZeroRunKillTests.TinyOptions();

    [Theory]
    [InlineData(RunState.Train, 2)]
    [InlineData(RunState.Gate, 3)]
    [InlineData("eval-random", 2)]
    [InlineData("eval-uct", 3)]
    public async Task AnInterruptionInAnyPhaseAfterSelfPlayResumesToTheUninterruptedResult(string phase, int at)
    {
        string cut = ZeroRunKillTests.NewDir();
        try
        {
            ZeroOptions o = Tiny();
            using (var stop = new CancellationTokenSource())
            {
                var stopAt = new ZeroRunKillTests.StopAt(phase, at, stop);
                RunState stopped = await new ZeroRun(o, GameCatalog.For(o), cut, stopAt).RunAsync(stop.Token);
                Assert.True(stopAt.Stopped, $"the run never reached {phase} report {at}");
                Assert.Equal(0, stopped.Iteration);
                Assert.Equal(phase.StartsWith("eval", StringComparison.Ordinal) ? RunState.Evaluate : phase, stopped.Phase);
            }
            await new ZeroRun(o, GameCatalog.For(o), cut).RunAsync();
            Assert.Equal(clean.Outcome, ZeroRunKillTests.Outcome(cut));
        }
        finally
        {
            Directory.Delete(cut, recursive: true);
        }
    }

    /// <summary>A kill right after the gate committed a promotion and before best.ckpt was replaced leaves the old
    /// best.ckpt, the new one staged as best.ckpt.next and state.json naming it: the resume installs it first.</summary>
    [Fact]
    public async Task ACommitWhoseInstallsWereCutShortIsRolledForward()
    {
        string cut = ZeroRunKillTests.NewDir();
        try
        {
            ZeroOptions o = Tiny();
            string best = Path.Combine(cut, "best.ckpt"), state = Path.Combine(cut, "state.json");
            using (var stop = new CancellationTokenSource())
                await new ZeroRun(o, GameCatalog.For(o), cut, new ZeroRunKillTests.StopAt(RunState.Gate, 1, stop)).RunAsync(stop.Token);
            byte[] oldBest = File.ReadAllBytes(best);
            RunState beforeGate = RunState.Load(state);
            using (var stop = new CancellationTokenSource())
                await new ZeroRun(o, GameCatalog.For(o), cut, new ZeroRunKillTests.StopAt("eval-random", 1, stop)).RunAsync(stop.Token);
            RunState committed = RunState.Load(state);
            Assert.Equal(RunState.Evaluate, committed.Phase);
            Assert.True(committed.LastPromoted);
            Assert.Equal(beforeGate.Generation + 1, committed.Generation);
            File.Copy(best, StagedFiles.Staged(best));
            File.WriteAllBytes(best, oldBest);
            (committed with { Installs = ["best.ckpt"] }).Save(state);

            RunState resumed = await new ZeroRun(o, GameCatalog.For(o), cut).RunAsync();
            Assert.Null(resumed.Installs);
            Assert.False(File.Exists(StagedFiles.Staged(best)));
            Assert.Equal(clean.Outcome, ZeroRunKillTests.Outcome(cut));
        }
        finally
        {
            Directory.Delete(cut, recursive: true);
        }
    }
}
