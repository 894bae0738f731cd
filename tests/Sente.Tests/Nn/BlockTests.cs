using Sente.Nn.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>Shapes, parameter counts and gradient coverage of every block (non-square 5x7 inputs).</summary>
public class BlockTests
{
    public BlockTests() => NnTestUtil.Init();

    private static Tensor Input(long channels, long seed = 1) => randn(new long[] { 3, channels, 5, 7 }, generator: new Generator((ulong)seed));

    [Theory]
    [InlineData(NormKind.Batch, 18 * 64 + 4 * 8)]   // two bias-free 3x3 convs (9C^2 each) + two norms (2C each)
    [InlineData(NormKind.Layer, 18 * 64 + 4 * 8)]   // LayerNorm over (C,H,W) with per-channel affine: 2C each
    [InlineData(NormKind.None, 18 * 64 + 2 * 8)]    // no norm: the convs carry a bias
    public void ResidualBlockShapeParametersAndGradients(NormKind norm, long expectedParameters)
    {
        using var scope = NewDisposeScope();
        var block = new ResidualBlock(8, norm);
        Assert.Equal(expectedParameters, NnTestUtil.ParameterCount(block));
        Assert.Equal(new long[] { 3, 8, 5, 7 }, block.forward(Input(8)).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(block, () => NnTestUtil.Projection(block.forward(Input(8))));
    }

    [Fact]
    public void ResidualBlockComputesReluOfBranchPlusInput()
    {
        using var scope = NewDisposeScope();
        var block = new ResidualBlock(4, NormKind.None);
        using (no_grad()) foreach (var p in block.parameters()) p.zero_();
        Tensor x = Input(4);
        // Zero weights: the branch is 0, so the output is ReLU(x).
        Assert.True(NnTestUtil.Same(block.forward(x), nn.functional.relu(x)));
    }

    [Theory]
    [InlineData(NormKind.Batch)]
    [InlineData(NormKind.Layer)]
    [InlineData(NormKind.None)]
    public void PreActivationBlockShapeParametersAndGradients(NormKind norm)
    {
        using var scope = NewDisposeScope();
        var block = new PreActivationBlock(8, norm);
        long normParams = norm == NormKind.None ? 0 : 2 * 8;
        long conv1Bias = norm == NormKind.None ? 8 : 0;
        long conv2Bias = norm == NormKind.Batch ? 0 : 8; // batch norm downstream cancels a per-channel bias
        Assert.Equal(2 * normParams + 9 * 64 + conv1Bias + 9 * 64 + conv2Bias, NnTestUtil.ParameterCount(block));
        Assert.Equal(new long[] { 3, 8, 5, 7 }, block.forward(Input(8)).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(block, () => NnTestUtil.Projection(block.forward(Input(8))));
    }

    [Fact]
    public void WideBlockProjectsWhenWidthChanges()
    {
        using var scope = NewDisposeScope();
        var block = new WideBlock(4, 8, NormKind.Batch, dropoutRate: 0.2);
        // norm1 2*4 + conv1 9*4*8 + norm2 2*8 + conv2 9*8*8 (no bias with batch norm) + shortcut 1x1 4*8
        Assert.Equal(8 + 288 + 16 + 576 + 32, NnTestUtil.ParameterCount(block));
        Assert.Equal(new long[] { 3, 8, 5, 7 }, block.forward(Input(4)).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(block, () => NnTestUtil.Projection(block.forward(Input(4))));
        var same = new WideBlock(8, 8);
        Assert.Equal(16 + 576 + 16 + 576, NnTestUtil.ParameterCount(same));
        Assert.Equal(2 * (576 + 8), NnTestUtil.ParameterCount(new WideBlock(8, 8, NormKind.None))); // no norm: both convs biased
    }

    [Fact]
    public void PyramidBlockZeroPadsTheShortcut()
    {
        using var scope = NewDisposeScope();
        var block = new PyramidBlock(4, 6, NormKind.Batch);
        // norm1 2*4 + conv1 9*4*6 + norm2 2*6 + conv2 9*6*6 + norm3 2*6; no shortcut parameters
        Assert.Equal(8 + 216 + 12 + 324 + 12, NnTestUtil.ParameterCount(block));
        Tensor x = Input(4);
        Assert.Equal(new long[] { 3, 6, 5, 7 }, block.forward(x).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(block, () => NnTestUtil.Projection(block.forward(Input(4))));
        // With the last norm's gamma and beta at 0 the branch vanishes: output = input on the first 4 channels, 0 after.
        var eval = new PyramidBlock(4, 6, NormKind.Layer);
        using (no_grad())
            foreach (var (name, p) in eval.named_parameters())
                if (name.StartsWith("norm3")) p.zero_();
        Tensor y = eval.forward(x);
        Assert.True(y.narrow(1, 0, 4).allclose(x));
        Assert.Equal(0f, y.narrow(1, 4, 2).abs().max().item<float>());
    }

    [Theory]
    [InlineData(true, 16 + 128 + 32 + 9 * 16 * 4)]   // bottleneck: norm(8) + 1x1 8->16 + norm(16) + 3x3 16->4, no bias
    [InlineData(false, 16 + 9 * 8 * 4)]               // norm(8) + 3x3 8->4: batch norm downstream cancels a bias
    public void DenseLayerShapeAndParameters(bool bottleneck, long expected)
    {
        using var scope = NewDisposeScope();
        var layer = new DenseLayer(8, 4, bottleneck, NormKind.Batch);
        Assert.Equal(expected, NnTestUtil.ParameterCount(layer));
        Assert.Equal(new long[] { 3, 4, 5, 7 }, layer.forward(Input(8)).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(layer, () => NnTestUtil.Projection(layer.forward(Input(8))));
    }

    [Fact]
    public void DenseBlockConcatenatesAndKeepsItsInput()
    {
        using var scope = NewDisposeScope();
        var block = new DenseBlock(8, 2, 4, bottleneck: false, NormKind.Batch);
        Assert.Equal(16, block.OutChannels);
        Assert.Equal((16 + 288) + (24 + 9 * 12 * 4), NnTestUtil.ParameterCount(block));
        Tensor x = Input(8);
        Tensor y = block.forward(x);
        Assert.Equal(new long[] { 3, 16, 5, 7 }, y.shape);
        Assert.True(NnTestUtil.Same(y.narrow(1, 0, 8), x));
        NnTestUtil.AssertEveryParameterGetsGradient(block, () => NnTestUtil.Projection(block.forward(Input(8))));
    }

    [Fact]
    public void TransitionLayerCompressesChannelsAndKeepsTheBoard()
    {
        using var scope = NewDisposeScope();
        var t = new TransitionLayer(16, 8, NormKind.Batch);
        Assert.Equal(32 + 16 * 8, NnTestUtil.ParameterCount(t));
        Assert.Equal(32 + 16 * 8 + 8, NnTestUtil.ParameterCount(new TransitionLayer(16, 8, NormKind.Layer)));
        Assert.Equal(new long[] { 3, 8, 5, 7 }, t.forward(Input(16)).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(t, () => NnTestUtil.Projection(t.forward(Input(16))));
    }
}
