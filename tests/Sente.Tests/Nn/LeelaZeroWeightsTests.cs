using System.IO.Compression;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>Leela Zero weights: export then import gives the same network outputs (plain and gzipped); malformed
/// files give errors naming the line.</summary>
public sealed class LeelaZeroWeightsTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "sente-lzw-" + Guid.NewGuid().ToString("N"));

    public LeelaZeroWeightsTests()
    {
        NnTestUtil.Init();
        Directory.CreateDirectory(dir);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static ZeroNet RandomNet()
    {
        random.manual_seed(8);
        var net = new ZeroNet(new ModelConfig(ModelKind.Zero, 19, 18, new TrunkConfig(TrunkKind.ResNet, 2, 8)));
        using (no_grad())
        {
            foreach (var (name, t) in net.named_buffers())
                if (name.EndsWith("running_mean")) t.copy_(randn(t.shape) * 0.3);
                else if (name.EndsWith("running_var")) t.copy_(rand(t.shape) + 0.5);
            foreach (var (name, p) in net.named_parameters())
                if (name.Contains("norm")) p.copy_(name.EndsWith("weight") ? rand(p.shape) + 0.5 : randn(p.shape) * 0.2);
        }
        net.eval();
        return net;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExportThenImportGivesTheSameOutputs(bool gzip)
    {
        var net = RandomNet();
        string path = Path.Combine(dir, "w.txt");
        LeelaZeroWeights.Export(net, path);
        Assert.Equal(1 + 4 + 8 * 2 + 14, File.ReadAllLines(path).Length);
        if (gzip)
        {
            byte[] text = File.ReadAllBytes(path);
            using (var fs = File.Create(path + ".gz"))
            using (var gz = new GZipStream(fs, CompressionLevel.Fastest)) gz.Write(text);
            path += ".gz";
        }
        var imported = LeelaZeroWeights.Import(path);
        Assert.Equal(net.Config, imported.Config);
        Tensor x = (rand(4, 18, 19, 19) > 0.7).to(ScalarType.Float32);
        using var _ = no_grad();
        var (p1, v1) = net.forward(x);
        var (p2, v2) = imported.forward(x);
        Assert.True(p1.allclose(p2, rtol: 1e-4, atol: 1e-4), $"policy max diff {(p1 - p2).abs().max().item<float>()}");
        Assert.True(v1.allclose(v2, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void MalformedFilesNameTheProblem()
    {
        string path = Path.Combine(dir, "w.txt");
        LeelaZeroWeights.Export(RandomNet(), path);
        var lines = File.ReadAllLines(path);
        string Err(IEnumerable<string> content)
        {
            string p = Path.Combine(dir, "bad.txt");
            File.WriteAllLines(p, content);
            return Assert.Throws<CheckpointException>(() => LeelaZeroWeights.Import(p)).Message;
        }
        Assert.Contains("version '2'", Err(lines.Skip(1).Prepend("2")));
        Assert.Contains("lines do not form", Err(lines.Take(lines.Length - 1)));
        var shortLine = (string[])lines.Clone();
        shortLine[5] = string.Join(' ', shortLine[5].Split(' ').Skip(1));
        Assert.Contains("line 6", Err(shortLine));
        var word = (string[])lines.Clone();
        word[3] = "abc " + string.Join(' ', word[3].Split(' ').Skip(1));
        Assert.Contains("'abc' is not a number", Err(word));
        Assert.Contains("cannot read", Assert.Throws<CheckpointException>(() => LeelaZeroWeights.Import(Path.Combine(dir, "none.txt"))).Message);
        Assert.Throws<ArgumentException>(() => LeelaZeroWeights.Export(new ZeroNet(new ModelConfig(ModelKind.Zero, 9, 18)), Path.Combine(dir, "x.txt")));
    }
}
