using Sente.Cli;

namespace Sente.Tests.Cli;

/// <summary>`sente nn init | info | export | import-lz` end to end on tiny networks, and clear errors.</summary>
public sealed class NnCommandTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "sente-nncli-" + Guid.NewGuid().ToString("N"));

    public NnCommandTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => SenteCli.Run(args);

    private string F(string name) => Path.Combine(dir, name);

    [Fact]
    public void InitInfoExportAndImportRoundTrip()
    {
        var r = Run("nn", "init", "--out", F("a.sente"), "--board", "19", "--blocks", "1", "--filters", "4", "--seed", "3");
        Assert.True(r.Code == 0, r.Err);
        r = Run("nn", "info", "--checkpoint", F("a.sente"));
        Assert.True(r.Code == 0, r.Err);
        foreach (string item in new[] { "Zero 19x19, 18 planes, ResNet 1x4", "training step", "config hash", "sente nn init" }) Assert.Contains(item, r.Out);
        foreach (string format in new[] { "pytorch", "safetensors", "leelaz" })
        {
            r = Run("nn", "export", "--checkpoint", F("a.sente"), "--format", format, "--out", F("w." + format));
            Assert.True(r.Code == 0, r.Err);
            Assert.True(File.Exists(F("w." + format)));
        }
        r = Run("nn", "import-lz", "--weights", F("w.leelaz"), "--out", F("b.sente"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("ResNet 1x4", Run("nn", "info", "--checkpoint", F("b.sente")).Out);
    }

    [Fact]
    public void BadFilesAndOptionsFailWithAMessage()
    {
        File.WriteAllText(F("bad.sente"), "not a checkpoint");
        var r = Run("nn", "info", "--checkpoint", F("bad.sente"));
        Assert.NotEqual(0, r.Code);
        Assert.Contains("not a Sente checkpoint", r.Err);
        r = Run("nn", "import-lz", "--weights", F("bad.sente"), "--out", F("x.sente"));
        Assert.NotEqual(0, r.Code);
        Assert.Contains("not supported", r.Err);
        Assert.True(Run("nn", "init", "--out", F("c.sente"), "--board", "9", "--blocks", "1", "--filters", "4").Code == 0);
        r = Run("nn", "export", "--checkpoint", F("c.sente"), "--format", "leelaz", "--out", F("c.txt"));
        Assert.NotEqual(0, r.Code);
        Assert.Contains("19x19", r.Err);
        r = Run("nn", "export", "--checkpoint", F("c.sente"), "--format", "tflite", "--out", F("c.tflite"));
        Assert.Contains("--format", r.Err);
        Assert.NotEqual(0, Run("nn", "init").Code); // --out is required
    }

    [Fact]
    public void ExportOnnxWritesAModelOnnxRuntimeRunsLikeTheCheckpoint()
    {
        var r = Run("nn", "init", "--out", F("z.sente"), "--board", "9", "--blocks", "1", "--filters", "8", "--seed", "4");
        Assert.True(r.Code == 0, r.Err);
        r = Run("nn", "export", "--checkpoint", F("z.sente"), "--format", "onnx", "--out", F("z.onnx"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("wrote", r.Out);

        Sente.Nn.TorchRuntime.InitializeProcess();
        var net = (Sente.Nn.Models.PolicyValueNet)Sente.Nn.Checkpoints.Checkpoint.Load(F("z.sente")).Model;
        var model = Sente.Onnx.Export.OnnxExport.Load(F("z.onnx"));
        Assert.Equal(net.Config.InputPlanes, Sente.Onnx.Export.OnnxExport.ConfigOf(model).InputPlanes);
        Sente.Core.Encoding.IPositionEncoder encoder = net.Config.InputPlanes == 18
            ? Sente.Go.Features.StoneHistoryEncoder.LeelaZero18(9) : Sente.Go.Features.StoneHistoryEncoder.AlphaGoZero(9);
        var torch = new Sente.Nn.Evaluation.TorchEvaluator(net, encoder);
        using var onnx = new Sente.Onnx.Evaluation.OnnxEvaluator(File.ReadAllBytes(F("z.onnx")), encoder);
        var state = new Sente.Go.GoState(9, 7.5, Sente.Go.Rules.TrompTaylor);
        foreach (string v in new[] { "E5", "C3", "G7" }) state.Play(state.ToMove, Sente.Go.Vertex.Parse(v, 9));
        var states = new List<Sente.Core.Games.IGameState> { state };
        float[] p1 = new float[82], p2 = new float[82], v1 = new float[1], v2 = new float[1];
        torch.Evaluate(states, p1, v1);
        onnx.Evaluate(states, p2, v2);
        for (int i = 0; i < 82; i++) Assert.True(Math.Abs(p1[i] - p2[i]) <= 1e-4, $"prior {i}: {p1[i]} vs {p2[i]}");
        Assert.True(Math.Abs(v1[0] - v2[0]) <= 1e-4, $"value: {v1[0]} vs {v2[0]}");
        Assert.Contains(p1, x => x > 0);
    }
}
