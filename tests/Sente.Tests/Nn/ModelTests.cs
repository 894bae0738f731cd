using Sente.Nn.Blocks;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>AlphaGo policy/value nets and the Zero policy-value net: shapes on several board sizes, exact parameter
/// counts, gradients reach every parameter.</summary>
public class ModelTests
{
    public ModelTests() => NnTestUtil.Init();

    private static ModelConfig AlphaGo(ModelKind kind, int board, int planes, bool pass = false) =>
        new(kind, board, planes, Filters: 8, Layers: 4, PassLogit: pass, ValueHidden: 16);

    [Theory]
    [InlineData(5, false, 808 + 1168 + 8 + 25)]      // 5x5 conv 4->8 + two 3x3 8->8 + 1x1 (no bias) + 25 point biases
    [InlineData(5, true, 808 + 1168 + 8 + 25 + 9)]   // + pass logit Linear(8, 1)
    [InlineData(7, false, 808 + 1168 + 8 + 49)]
    public void AlphaGoPolicyNetShapeAndParameters(int board, bool pass, long expected)
    {
        using var scope = NewDisposeScope();
        var net = new AlphaGoPolicyNet(AlphaGo(ModelKind.AlphaGoPolicy, board, 4, pass));
        Assert.Equal(expected, NnTestUtil.ParameterCount(net));
        Tensor logits = net.forward(randn(3, 4, board, board));
        Assert.Equal(new long[] { 3, board * board + 1 }, logits.shape);
        if (!pass) Assert.Equal(-1e4f, logits[0, board * board].item<float>());
        NnTestUtil.AssertEveryParameterGetsGradient(net, () => NnTestUtil.Projection(net.forward(randn(3, 4, board, board))));
    }

    [Fact]
    public void AlphaGoPolicyNetHasOneBiasPerPoint()
    {
        using var scope = NewDisposeScope();
        var net = new AlphaGoPolicyNet(AlphaGo(ModelKind.AlphaGoPolicy, 5, 4));
        Tensor x = randn(1, 4, 5, 5);
        Tensor before = net.forward(x);
        using (no_grad()) net.named_parameters().Single(p => p.name == "point_bias").parameter[7] += 2.5f;
        Tensor diff = net.forward(x) - before;
        Assert.Equal(2.5f, diff[0, 7].item<float>(), 5);
        Assert.Equal(2.5f, diff.abs().sum().item<float>(), 5);
    }

    [Fact]
    public void AlphaGoValueNetShapeParametersAndRange()
    {
        using var scope = NewDisposeScope();
        var net = new AlphaGoValueNet(AlphaGo(ModelKind.AlphaGoValue, 5, 5));
        // 5x5 conv 5->8 (1008) + two 3x3 (1168) + 1x1 8->1 with bias (9) + FC 25->16 (416) + FC 16->1 (17)
        Assert.Equal(1008 + 1168 + 9 + 416 + 17, NnTestUtil.ParameterCount(net));
        Tensor v = net.forward(randn(6, 5, 5, 5) * 10);
        Assert.Equal(new long[] { 6 }, v.shape);
        Assert.True(v.abs().max().item<float>() <= 1f);
        NnTestUtil.AssertEveryParameterGetsGradient(net, () => NnTestUtil.Projection(net.forward(randn(6, 5, 5, 5))));
    }

    [Fact]
    public void AlphaGoValueNetOnAResidualTrunkKeepsTheHeadAndTheRange()
    {
        using var scope = NewDisposeScope();
        var config = AlphaGo(ModelKind.AlphaGoValue, 5, 5) with { Trunk = new TrunkConfig(Blocks: 2, Width: 8) };
        var net = (AlphaGoValueNet)ModelFactory.Create(config);
        // stem 3x3 5->8 without bias (360) + BN (16) + 2 blocks of two 3x3 8->8 without bias and two BNs (2 x (1152 + 32))
        // + the plain net's head with a BN after its 1x1 conv: 1x1 8->1 without bias (8) + BN (2) + FC 25->16 (416) + FC 16->1 (17)
        Assert.Equal(360 + 16 + 2 * (1152 + 32) + 8 + 2 + 416 + 17, NnTestUtil.ParameterCount(net));
        net.eval();
        Tensor v = net.forward(randn(6, 5, 5, 5) * 10);
        Assert.Equal(new long[] { 6 }, v.shape);
        Assert.True(v.abs().max().item<float>() <= 1f);
        net.train();
        NnTestUtil.AssertEveryParameterGetsGradient(net, () => NnTestUtil.Projection(net.forward(randn(6, 5, 5, 5))));
        Assert.Contains("ResNet 2x8", Sente.Nn.Checkpoints.Checkpoint.Describe(config));
        Assert.Contains("Zero networks and AlphaGo value networks only", Assert.Throws<ArgumentException>(() =>
            (AlphaGo(ModelKind.AlphaGoPolicy, 5, 5) with { Trunk = new TrunkConfig() }).Validate()).Message);
        Assert.Contains("trunk blocks", Assert.Throws<ArgumentException>(() => (config with { Trunk = new TrunkConfig(Blocks: 0) }).Validate()).Message);
    }

    [Fact]
    public void AlphaGoPairFeedsPolicyTheFirstPlanesAndValueAll()
    {
        using var scope = NewDisposeScope();
        var net = new AlphaGoNet(AlphaGo(ModelKind.AlphaGo, 5, 5));
        Assert.Equal(2009 + 2618, NnTestUtil.ParameterCount(net));
        Tensor x = randn(2, 5, 5, 5);
        var (p, v) = net.forward(x);
        Assert.Equal(new long[] { 2, 26 }, p.shape);
        Assert.Equal(new long[] { 2 }, v.shape);
        Tensor y = x.clone();
        y.narrow(1, 4, 1).fill_(3f); // only the last (colour) plane changes: policy identical, value not
        var (p2, v2) = net.forward(y);
        Assert.True(NnTestUtil.Same(p, p2));
        Assert.False(NnTestUtil.Same(v, v2));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void ZeroNetShapeParametersAndGradients(int board)
    {
        using var scope = NewDisposeScope();
        int n = board * board;
        var config = new ModelConfig(ModelKind.Zero, board, 3, new TrunkConfig(TrunkKind.ResNet, 1, 8), ValueHidden: 16);
        var net = new ZeroNet(config);
        long trunk = 9 * 3 * 8 + 16 + 18 * 64 + 4 * 8;
        long policy = 16 + 4 + (2 * n * (n + 1) + n + 1);
        long value = 8 + 2 + (n * 16 + 16) + 17;
        Assert.Equal(trunk + policy + value, NnTestUtil.ParameterCount(net));
        var (p, v) = net.forward(randn(4, 3, board, board));
        Assert.Equal(new long[] { 4, n + 1 }, p.shape);
        Assert.Equal(new long[] { 4 }, v.shape);
        NnTestUtil.AssertEveryParameterGetsGradient(net, () =>
        {
            var (pp, vv) = net.forward(randn(4, 3, board, board));
            return NnTestUtil.Projection(pp) + NnTestUtil.Projection(vv, 9);
        });
    }

    [Fact]
    public void LeelaZeroSized6x64NetHasTheExpectedParameterCount()
    {
        using var scope = NewDisposeScope();
        var net = ModelFactory.CreatePolicyValue(new ModelConfig(ModelKind.Zero, 19, 18, new TrunkConfig(TrunkKind.ResNet, 6, 64)));
        // Leela Zero's file for 6x64 holds the same tensors (its BN "bias" folded into means): stem + 6 blocks + heads.
        long expected = (9 * 18 * 64 + 128) + 6 * (18 * 64 * 64 + 4 * 64) + (128 + 4 + 722 * 362 + 362) + (64 + 2 + 361 * 256 + 256 + 257);
        Assert.Equal(expected, NnTestUtil.ParameterCount(net));
    }

    [Fact]
    public void FactoryRejectsBadConfigsClearly()
    {
        Assert.Contains("board size", Assert.Throws<ArgumentException>(() => ModelFactory.Create(new ModelConfig(BoardSize: 1))).Message);
        Assert.Contains("not a policy-value", Assert.Throws<ArgumentException>(() =>
            ModelFactory.CreatePolicyValue(AlphaGo(ModelKind.AlphaGoValue, 5, 5))).Message);
    }
}
