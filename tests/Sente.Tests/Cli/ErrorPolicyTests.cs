using System.Security.Cryptography;
using Sente.Cli;
using Sente.Nn.Checkpoints;
using Sente.Nn.Blocks;
using Sente.Nn.Models;
using TorchSharp;

namespace Sente.Tests.Cli;

/// <summary>
/// Issue 26: every bad input that used to end in a .NET stack trace (exit 134) is one line naming the file or
/// setting at fault, exit 2 (bad input), and changes nothing on disk.
/// </summary>
public sealed class ErrorPolicyTests(ErrorPolicyTests.TinyRun run) : IClassFixture<ErrorPolicyTests.TinyRun>, IDisposable
{
    /// <summary>A finished one-iteration tic-tac-toe run to damage (made once per class).</summary>
    public sealed class TinyRun : IDisposable
    {
        public static readonly string[] Args =
        [
            "train", "--set", "net.blocks=1", "--set", "net.filters=8",
            "--set", "selfplay.games=4", "--set", "selfplay.visits=4", "--set", "train.steps=2", "--set", "train.batch=8",
            "--set", "gate.games=2", "--set", "gate.visits=2", "--set", "eval.every=0", "--set", "run.threads=1",
        ];

        public string Dir { get; } = Path.Combine(Path.GetTempPath(), "sente-errors-" + Guid.NewGuid().ToString("N")[..8]);

        public TinyRun()
        {
            var (code, _, err) = SenteCli.Run([.. Args, "--game", "tictactoe", "--iterations", "1", "--run-dir", Dir]);
            Assert.True(code == 0, err);
        }

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sente-errcase-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        if (File.Exists(_dir)) File.Delete(_dir);
    }

    private string CopyRun()
    {
        foreach (string f in Directory.GetFiles(run.Dir, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(_dir, Path.GetRelativePath(run.Dir, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        return _dir;
    }

    private static Dictionary<string, string> Snapshot(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>Runs train on the damaged copy; asserts exit 2, one line containing every <paramref name="parts"/>, no change.</summary>
    private string TrainFails(string[] extra, params string[] parts)
    {
        Dictionary<string, string>? before = Directory.Exists(_dir) ? Snapshot(_dir) : null;
        string[] defaults = [.. extra.Contains("--game") ? [] : new[] { "--game", "tictactoe" },
                             .. extra.Contains("--iterations") ? [] : new[] { "--iterations", "1" }];
        var (code, output, err) = SenteCli.Run([.. TinyRun.Args, .. defaults, "--run-dir", _dir, .. extra]);
        string line = AssertOneLine(code, err, parts);
        if (before is not null) Assert.Equal(before, Snapshot(_dir));
        Assert.DoesNotContain("   at ", output + err);
        return line;
    }

    internal static string AssertOneLine(int code, string err, params string[] parts)
    {
        Assert.True(code == ErrorPolicy.BadInput, $"exit {code}: {err}");
        string line = err.Trim();
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("sente: ", line);
        foreach (string p in parts) Assert.Contains(p, line);
        return line;
    }

    [Fact]
    public void ABrokenStateJsonIsNamed()
    {
        CopyRun();
        File.WriteAllText(Path.Combine(_dir, "state.json"), "{\"Iteration\": 1, \"Phase\": \"gate\", \"Histo");
        TrainFails([], Path.Combine(_dir, "state.json"), "not a valid run state");
        File.WriteAllText(Path.Combine(_dir, "state.json"), "{\"Iteration\": 1, \"Phase\": \"lunch\", \"History\": []}");
        TrainFails([], "phase 'lunch'");
    }

    [Fact]
    public void ATruncatedLatestCheckpointIsNamed()
    {
        CopyRun();
        string latest = Path.Combine(_dir, "latest.ckpt");
        byte[] bytes = File.ReadAllBytes(latest);
        File.WriteAllBytes(latest, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        TrainFails(["--iterations", "2"], latest, "truncated");
    }

    [Fact]
    public void AReplayFileWithABadHeaderIsRefusedWithItsRepairCommand()
    {
        CopyRun();
        string replay = Path.Combine(_dir, "replay", "replay.bin");
        byte[] bytes = File.ReadAllBytes(replay);
        bytes[2] ^= 0xFF;
        File.WriteAllBytes(replay, bytes);
        TrainFails(["--iterations", "2"], replay, "header is damaged", $"sente replay repair {replay}");
    }

    [Fact]
    public void ARunDirNamingAFileIsRefused()
    {
        File.WriteAllText(_dir, "a file");
        TrainFails([], _dir, "is a file");
        Assert.Equal("a file", File.ReadAllText(_dir));
    }

    [Fact]
    public void CudaOnTheCpuBuildIsRefusedBeforeTheRunDirectoryIsWritten()
    {
        if (torch.cuda.is_available()) return; // the CPU build is what this case is about
        TrainFails(["--set", "device=cuda"], "device=cuda", "no CUDA");
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public void AnotherGameOnAnExistingRunIsRefusedWithoutTouchingItsConfig()
    {
        CopyRun();
        TrainFails(["--game", "connect4"], "holds a tictactoe run", "game=connect4");
    }

    [Fact]
    public void AnotherNetworkSizeOnAnExistingRunIsRefused()
    {
        CopyRun();
        TrainFails(["--set", "net.filters=16"], Path.Combine(_dir, "best.ckpt"), "ResNet 1x8", "ResNet 1x16");
    }

    [Fact]
    public void BenchMctsRunsALeelaZeroImportAndNamesTheModelWhenItDoesNotFit()
    {
        // Once a stack trace (an 18-plane net given the 17-plane encoder); the one checkpoint loader now picks the
        // encoder from the network's input planes, so the import benches, and a board it does not fit is one line.
        Directory.CreateDirectory(_dir);
        string a = Path.Combine(_dir, "a.sente"), w = Path.Combine(_dir, "w.txt"), lz = Path.Combine(_dir, "lz.sente");
        Assert.Equal(0, SenteCli.Run("nn", "init", "--out", a, "--board", "19", "--blocks", "1", "--filters", "4").Code);
        Assert.Equal(0, SenteCli.Run("nn", "export", "--checkpoint", a, "--format", "leelaz", "--out", w).Code);
        Assert.Equal(0, SenteCli.Run("nn", "import-lz", "--weights", w, "--out", lz).Code);
        var (ok, output, _) = SenteCli.Run("bench", "mcts", "--game", "go", "--size", "19", "--model", lz, "--evaluator", "network",
            "--threads", "1", "--batch", "1", "--playouts", "8");
        Assert.Equal(0, ok);
        Assert.Contains("playouts/s", output);
        var (code, _, err) = SenteCli.Run("bench", "mcts", "--game", "go", "--size", "9", "--model", lz, "--evaluator", "network",
            "--threads", "1", "--batch", "1", "--playouts", "8");
        AssertOneLine(code, err, lz, "19x19", "9x9");
    }

    [Theory]
    [InlineData("--size 30: board sizes are 2..25", "gtp", "--size", "30")]
    [InlineData("'--bogus'", "lee", "sl", "--bogus")]
    public void AUsageErrorIsOneLineOnStderrAndNothingOnStdout(string expected, params string[] args)
    {
        var (code, output, err) = SenteCli.Run(args);
        string line = AssertOneLine(code, err, expected);
        Assert.Contains($"see `sente {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))} --help`", line);
        Assert.Equal("", output);
    }

    [Fact]
    public void NanWeightsAreRefusedWithTheTensorsNamed()
    {
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "nan.ckpt");
        var config = new ModelConfig(ModelKind.Zero, 9, 17, new TrunkConfig(Blocks: 1, Width: 4)).Validate();
        using (var net = ModelFactory.CreatePolicyValue(config))
        {
            using (torch.no_grad())
            {
                var p = net.state_dict().First(kv => kv.Value.is_floating_point() && kv.Value.numel() > 1);
                p.Value[0].fill_(double.NaN);
            }
            Checkpoint.Save(path, net, config, 0);
        }
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.Contains("NaN or infinity in 1 tensor(s)", e.Message);
        Assert.Contains(path, e.Message);
        var (code, _, err) = SenteCli.Run("nn", "info", "--checkpoint", path);
        Assert.NotEqual(0, code);
        _ = err;
    }

    [Fact]
    public void VerbosePrintsTheTraceAndInternalErrorsHaveTheirOwnCode()
    {
        var (code, _, err) = SenteCli.Run("train", "--run-dir", "/dev/null/x", "--game", "tictactoe", "--verbose");
        Assert.NotEqual(0, code);
        Assert.Contains("   at ", err);
        Assert.Equal((ErrorPolicy.Internal, "internal error: NullReferenceException: boom"),
            ErrorPolicy.Classify(new NullReferenceException("boom")));
        Assert.Equal(ErrorPolicy.BadInput, ErrorPolicy.Classify(new AggregateException(new InvalidDataException("x")).InnerException!).Code);
        Assert.Equal(ErrorPolicy.BadInput, SenteCli.Run("train", "--no-such-option").Code);
    }
}
