using Sente.Nn.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>Every trunk family: output shape, parameters get gradients, and it overfits a tiny fixed batch.</summary>
public class TrunkTests
{
    public TrunkTests() => NnTestUtil.Init();

    public static TheoryData<string, long> Kinds => new()
    {
        { "resnet", 8 },
        { "preact", 8 },
        { "wide", 16 },      // width 8 x multiplier 2
        { "pyramid", 14 },   // 8 + alpha 6
        { "dense", 14 },     // (8 + 2x4 = 16) -> transition 8 -> + 2x4... see DenseChannels
    };

    private static TrunkConfig Config(string kind, NormKind norm = NormKind.Batch) =>
        new(TrunkConfig.ParseKind(kind), Blocks: 4, Width: 8, Norm: norm, WidthMultiplier: 2, PyramidAlpha: 6,
            GrowthRate: 3, Bottleneck: kind == "dense", DenseBlocks: 2);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ShapeAndGradients(string kind, long expectedChannels)
    {
        using var scope = NewDisposeScope();
        var trunk = new Trunk(3, Config(kind));
        // Dense: block 1 8 + 2x3 = 14, transition to 7, block 2 7 + 2x3 = 13.
        if (kind == "dense") expectedChannels = 13;
        Assert.Equal(expectedChannels, trunk.OutChannels);
        Tensor x = randn(4, 3, 5, 6);
        Assert.Equal(new long[] { 4, expectedChannels, 5, 6 }, trunk.forward(x).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(trunk, () => NnTestUtil.Projection(trunk.forward(x)));
    }

    [Theory]
    [InlineData("resnet")]
    [InlineData("preact")]
    [InlineData("wide")]
    [InlineData("pyramid")]
    [InlineData("dense")]
    public void ConvolutionsCarryABiasOnlyWhereNoBatchNormCancelsIt(string kind)
    {
        using var scope = NewDisposeScope();
        static string[] Biased(Trunk t) => t.named_modules()
            .Where(m => m.module is TorchSharp.Modules.Conv2d c && c.bias is not null).Select(m => m.name).ToArray();
        // Batch norm subtracts each channel's mean: a bias on any convolution of the trunk would get zero gradient.
        Assert.Empty(Biased(new Trunk(3, Config(kind))));
        // Layer norm (one group) does not cancel a per-channel bias: the stream's convolutions keep theirs.
        var layer = new Trunk(3, Config(kind, NormKind.Layer));
        if (kind == "resnet") Assert.Empty(Biased(layer));
        else Assert.Contains("stem", Biased(layer));
        NnTestUtil.AssertEveryParameterGetsGradient(layer, () => NnTestUtil.Projection(layer.forward(randn(4, 3, 5, 6))));
    }

    [Fact]
    public void PyramidWidthGrowsByAFixedStep()
    {
        using var scope = NewDisposeScope();
        var trunk = new Trunk(2, new TrunkConfig(TrunkKind.Pyramid, Blocks: 4, Width: 8, PyramidAlpha: 8));
        var widths = trunk.named_parameters().Where(p => p.name.EndsWith("conv2.weight")).Select(p => p.parameter.shape[0]).ToArray();
        Assert.Equal(new long[] { 10, 12, 14, 16 }, widths);
    }

    [Fact]
    public void ResNetTrunkParameterCountMatchesTheFormula()
    {
        using var scope = NewDisposeScope();
        var trunk = new Trunk(17, new TrunkConfig(TrunkKind.ResNet, Blocks: 6, Width: 64));
        // stem 3x3 17->64 + BN, then 6 blocks of 18 C^2 + 4 C
        Assert.Equal(9 * 17 * 64 + 2 * 64 + 6 * (18 * 64 * 64 + 4 * 64), NnTestUtil.ParameterCount(trunk));
    }

    [Theory]
    [InlineData("resnet", NormKind.Batch)]
    [InlineData("preact", NormKind.Batch)]
    [InlineData("wide", NormKind.Batch)]
    [InlineData("pyramid", NormKind.Batch)]
    [InlineData("dense", NormKind.Batch)]
    [InlineData("resnet", NormKind.Layer)]
    [InlineData("preact", NormKind.None)]
    public void OverfitsATinyBatch(string kind, NormKind norm)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(11);
        var trunk = new Trunk(3, Config(kind, norm));
        var head = nn.Linear(trunk.OutChannels * 5 * 5, 1);
        var model = nn.Sequential(("trunk", trunk), ("flat", nn.Flatten()), ("head", head));
        var g = new Generator(5);
        Tensor x = randn(new long[] { 8, 3, 5, 5 }, generator: g);
        Tensor target = randn(new long[] { 8, 1 }, generator: g);
        var (first, last) = NnTestUtil.Overfit(model, () => nn.functional.mse_loss(model.forward(x), target), 60, 0.01);
        Assert.True(last <= 0.1f * first, $"{kind}/{norm}: loss {first} -> {last}");
    }

    [Fact]
    public void LayerNormStartsAsTheIdentityAffine()
    {
        using var scope = NewDisposeScope();
        // Guards the workaround for TorchSharp's uninitialized GroupNorm parameters.
        var norm = Normalization.Create(NormKind.Layer, 4);
        Tensor x = randn(2, 4, 3, 3);
        Tensor y = norm.forward(x);
        Tensor expected = (x - x.mean(new long[] { 1, 2, 3 }, keepdim: true)) / (x.var(new long[] { 1, 2, 3 }, unbiased: false, keepdim: true) + 1e-5).sqrt();
        Assert.True(y.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void InvalidConfigIsRejectedWithTheMemberNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => new TrunkConfig(Blocks: 0).Validate());
        Assert.Contains("blocks", e.Message);
        Assert.Throws<ArgumentException>(() => TrunkConfig.ParseKind("transformer"));
    }
}
