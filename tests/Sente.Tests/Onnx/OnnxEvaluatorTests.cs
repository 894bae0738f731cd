using Sente.Core.Evaluation;
using Google.Protobuf;
using Sente.Core.Games;
using Sente.Nn;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using Sente.Onnx.Evaluation;
using Sente.Onnx.Export;

namespace Sente.Tests.Onnx;

/// <summary>OnnxEvaluator against TorchEvaluator: same priors and values (within 1e-4) through the same
/// post-processing, in every symmetry mode, with batching and concurrent calls; clear errors for misuse.</summary>
public class OnnxEvaluatorTests
{
    public OnnxEvaluatorTests() => TorchRuntime.InitializeProcess();

    private static (float[] Priors, float[] Values) Run(IEvaluator ev, IReadOnlyList<IGameState> states, int actions)
    {
        var p = new float[states.Count * actions];
        var v = new float[states.Count];
        ev.Evaluate(states, p, v);
        return (p, v);
    }

    [Theory]
    [InlineData("zero-resnet-batch", SymmetryMode.None)]
    [InlineData("zero-resnet-batch", SymmetryMode.Random)]
    [InlineData("zero-pyramid", SymmetryMode.Average)]
    [InlineData("alphago-pair", SymmetryMode.None)]
    [InlineData("connect-four", SymmetryMode.None)]
    public void PriorsAndValuesEqualTorchEvaluators(string id, SymmetryMode mode)
    {
        var (net, encoder, states) = OnnxExportTests.Case(id);
        var pv = (PolicyValueNet)net;
        byte[] model = OnnxExport.ToModel(net).ToByteArray();
        int actions = pv.Config.NumActions;
        var torchEv = new TorchEvaluator(pv, encoder, new TorchEvaluatorOptions(Symmetry: mode, Seed: 4, MaxBatch: 5));
        using var onnxEv = new OnnxEvaluator(model, encoder, new OnnxEvaluatorOptions(Symmetry: mode, Seed: 4, MaxBatch: 5));
        var (pt, vt) = Run(torchEv, states, actions);
        var (po, vo) = Run(onnxEv, states, actions);
        Assert.True(OnnxExportTests.MaxAbsDiff(pt, po) <= 1e-4f, "priors differ");
        Assert.True(OnnxExportTests.MaxAbsDiff(vt, vo) <= 1e-4f, "values differ");
        var legal = new List<int>();
        for (int i = 0; i < states.Count; i++)
        {
            states[i].LegalActions(legal);
            Assert.Equal(1.0, po.AsSpan(i * actions, actions).ToArray().Sum(), 4);
            for (int a = 0; a < actions; a++) if (!legal.Contains(a)) Assert.Equal(0f, po[i * actions + a]);
        }
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameResultsAsOneCall()
    {
        var (net, encoder, states) = OnnxExportTests.Case("zero-preact", positions: 16);
        using var ev = new OnnxEvaluator(OnnxExport.ToModel(net).ToByteArray(), encoder, new OnnxEvaluatorOptions(MaxBatch: 3));
        var (p, v) = Run(ev, states, 82);
        var results = new (float[] P, float[] V)[states.Count];
        Parallel.For(0, states.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => results[i] = Run(ev, [states[i]], 82));
        for (int i = 0; i < states.Count; i++)
        {
            Assert.True(OnnxExportTests.MaxAbsDiff(p.AsSpan(i * 82, 82).ToArray(), results[i].P) <= 1e-5f);
            Assert.Equal(v[i], results[i].V[0], 5);
        }
    }

    [Fact]
    public void APolicyOnlyModelOrAWrongEncoderIsAClearError()
    {
        var (policyNet, policyEncoder, _) = OnnxExportTests.Case("alphago-policy", positions: 1);
        var e = Assert.Throws<ArgumentException>(() =>
            new OnnxEvaluator(OnnxExport.ToModel(policyNet).ToByteArray(), policyEncoder));
        Assert.Contains("'value'", e.Message);
        var (zero, _, _) = OnnxExportTests.Case("zero-resnet-batch", positions: 1);
        e = Assert.Throws<ArgumentException>(() => new OnnxEvaluator(OnnxExport.ToModel(zero).ToByteArray(), policyEncoder));
        Assert.Contains("encoder gives 48x9x9", e.Message);
        Assert.Throws<ArgumentException>(() => new OnnxEvaluatorOptions(MaxBatch: 0).Validate());
    }
}
