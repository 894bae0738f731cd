using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>Checkpoints: exact round trips (weights, BatchNorm statistics, metadata), clear errors for corrupt and
/// mismatched files, PyTorch and safetensors export/import.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "sente-ckpt-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests()
    {
        NnTestUtil.Init();
        Directory.CreateDirectory(dir);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly ModelConfig Config = new(ModelKind.Zero, 5, 3, new TrunkConfig(TrunkKind.ResNet, 2, 8), ValueHidden: 16);

    /// <summary>A tiny net after two SGD steps, so weights and BatchNorm running statistics are not at their defaults.</summary>
    private static ZeroNet TrainedNet()
    {
        random.manual_seed(21);
        var net = new ZeroNet(Config);
        using var opt = new Sente.Nn.Optimizers.Sgd(net.parameters(), 0.1);
        for (int i = 0; i < 2; i++)
        {
            using var scope = NewDisposeScope();
            opt.ZeroGrad();
            var (p, v) = net.forward(randn(4, 3, 5, 5));
            (p.pow(2).mean() + v.sum()).backward();
            opt.Step();
        }
        return net;
    }

    private static void AssertSameState(nn.Module a, nn.Module b)
    {
        var sa = a.state_dict();
        var sb = b.state_dict();
        Assert.Equal(sa.Keys.OrderBy(k => k), sb.Keys.OrderBy(k => k));
        foreach (var (k, t) in sa) Assert.True(NnTestUtil.Same(t, sb[k]), $"{k} differs");
    }

    [Fact]
    public void RoundTripIsExactWithMetadata()
    {
        var net = TrainedNet();
        string path = Path.Combine(dir, "a.sente");
        var written = Checkpoint.Save(path, net, Config, trainingStep: 1234, new Dictionary<string, string> { ["run"] = "test" });
        var (model, header) = Checkpoint.Load(path);
        Assert.IsType<ZeroNet>(model);
        AssertSameState(net, model);
        Assert.Equal(1234, header.TrainingStep);
        Assert.Equal(Config, header.Config);
        Assert.Equal(Checkpoint.ConfigHash(Config), header.ConfigHash);
        Assert.Equal(written.SavedAtUtc, header.SavedAtUtc);
        Assert.Equal("test", header.Extra!["run"]);
        net.eval();
        model.eval();
        Tensor x = randn(3, 3, 5, 5);
        var (p1, v1) = net.forward(x);
        var (p2, v2) = ((ZeroNet)model).forward(x);
        Assert.True(NnTestUtil.Same(p1, p2) && NnTestUtil.Same(v1, v2));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void EveryModelKindRoundTrips()
    {
        foreach (var kind in new[] { ModelKind.AlphaGoPolicy, ModelKind.AlphaGoValue, ModelKind.AlphaGo })
        {
            var config = new ModelConfig(kind, 5, 4, Filters: 4, Layers: 3, PassLogit: true, ValueHidden: 8);
            var model = ModelFactory.Create(config);
            string path = Path.Combine(dir, kind + ".sente");
            Checkpoint.Save(path, model, config, 7);
            var (loaded, header) = Checkpoint.Load(path);
            Assert.Equal(kind, header.Config.Kind);
            AssertSameState(model, loaded);
        }
    }

    [Fact]
    public void MismatchedArchitectureIsRefusedWithBothNamed()
    {
        string path = Path.Combine(dir, "b.sente");
        Checkpoint.Save(path, TrainedNet(), Config, 1);
        var other = Config with { Trunk = new TrunkConfig(TrunkKind.ResNet, 3, 8) };
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.LoadInto(path, new ZeroNet(other), other));
        Assert.Contains("architecture mismatch", e.Message);
        Assert.Contains("2x8", e.Message);
        Assert.Contains("3x8", e.Message);
        // Same config loads.
        var same = new ZeroNet(Config);
        Checkpoint.LoadInto(path, same, Config);
    }

    [Fact]
    public void WeightsOfAnotherVersionOfTheArchitectureNameTheParametersTheyDoNotShare()
    {
        // Same config, other parameters: as a pre-activation trunk saved before its batch-normalized convolutions
        // dropped their biases. A layer-norm trunk has those biases, and no running statistics.
        var batch = Config with { Trunk = new TrunkConfig(TrunkKind.PreAct, 1, 8) };
        var layer = batch with { Trunk = batch.Trunk! with { Norm = NormKind.Layer } };
        string path = Path.Combine(dir, "v.sente");
        Checkpoint.Save(path, new ZeroNet(layer), batch, 1);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.Contains("the weights do not fit the model", e.Message);
        Assert.Contains("in the file but not in the model: trunk.stem.bias, trunk.blocks.0.conv2.bias", e.Message);
        Assert.Contains("missing from the file: ", e.Message);
        Assert.Contains("running_mean", e.Message);
        var names = StateDictNames.Read(File.ReadAllBytes(path)[^(int)Checkpoint.ReadHeader(path).WeightsLength..]);
        Assert.Equal(new ZeroNet(layer).state_dict().Keys, names);
        Assert.Null(StateDictNames.Read([0x05, 0x01]));
    }

    [Fact]
    public void CorruptFilesGiveClearErrors()
    {
        string path = Path.Combine(dir, "c.sente");
        Checkpoint.Save(path, TrainedNet(), Config, 1);
        byte[] good = File.ReadAllBytes(path);

        string Err(byte[] bytes)
        {
            string p = Path.Combine(dir, "bad.sente");
            File.WriteAllBytes(p, bytes);
            return Assert.Throws<CheckpointException>(() => Checkpoint.Load(p)).Message;
        }

        Assert.Contains("truncated", Err(good[..(good.Length - 10)]));
        var flipped = (byte[])good.Clone();
        flipped[^100] ^= 0x40;
        Assert.Contains("SHA-256", Err(flipped));
        Assert.Contains("bad magic", Err("hello world, not a checkpoint"u8.ToArray()));
        var future = (byte[])good.Clone();
        future[8] = 99;
        Assert.Contains("format version 99", Err(future));
        var header = (byte[])good.Clone();
        header[20] = (byte)'#';
        Assert.Contains("header", Err(header));
        Assert.Contains("truncated", Err(good[..15]));
        Assert.Contains("cannot read", Assert.Throws<CheckpointException>(() => Checkpoint.Load(Path.Combine(dir, "missing.sente"))).Message);
    }

    [Theory]
    [InlineData(WeightsFormat.PyTorch)]
    [InlineData(WeightsFormat.Safetensors)]
    public void PythonFormatsRoundTripExactly(WeightsFormat format)
    {
        var net = TrainedNet();
        string path = Path.Combine(dir, "w." + format);
        PyTorchInterop.Export(net, Config, path, format);
        Assert.Equal(Config, PyTorchInterop.ReadConfig(path));
        var fresh = new ZeroNet(Config);
        PyTorchInterop.Import(fresh, path, format);
        AssertSameState(net, fresh);
        var wrong = new ZeroNet(Config with { Trunk = new TrunkConfig(TrunkKind.ResNet, 2, 4) });
        Assert.Throws<CheckpointException>(() => PyTorchInterop.Import(wrong, path, format));
    }
}
