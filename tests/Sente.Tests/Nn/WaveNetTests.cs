using Sente.Nn.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>WaveNet: shapes, parameters, gradients, causality and the documented receptive field.</summary>
public class WaveNetTests
{
    public WaveNetTests() => NnTestUtil.Init();

    [Fact]
    public void LayerShapesAndParameters()
    {
        using var scope = NewDisposeScope();
        var layer = new WaveNetLayer(4, 3, kernelSize: 2, dilation: 4);
        // dilated conv 4 -> 8 (kernel 2) + bias, residual 1x1 4 -> 4 + bias, skip 1x1 4 -> 3 + bias
        Assert.Equal(72 + 20 + 15, NnTestUtil.ParameterCount(layer));
        Assert.Equal(5, layer.ReceptiveField);
        var (res, skip) = layer.forward(randn(2, 4, 11));
        Assert.Equal(new long[] { 2, 4, 11 }, res.shape);
        Assert.Equal(new long[] { 2, 3, 11 }, skip.shape);
    }

    [Fact]
    public void StackShapesParametersAndGradients()
    {
        using var scope = NewDisposeScope();
        var net = new WaveNet(2, 1, residualChannels: 4, skipChannels: 3, layersPerStack: 3, stacks: 1, kernelSize: 2);
        // input 1x1 2->4 (12) + 3 layers x 107 - the last layer's residual 1x1 (20) + post 3->3 (12) + post 3->1 (4)
        Assert.Equal(12 + 3 * 107 - 20 + 12 + 4, NnTestUtil.ParameterCount(net));
        Assert.Equal(new long[] { 5, 1, 20 }, net.forward(randn(5, 2, 20)).shape);
        NnTestUtil.AssertEveryParameterGetsGradient(net, () => NnTestUtil.Projection(net.forward(randn(5, 2, 20))));
    }

    [Theory]
    [InlineData(3, 1, 2, 8)]    // 1 + 1 x 1 x 7
    [InlineData(4, 2, 2, 31)]   // 1 + 1 x 2 x 15
    [InlineData(2, 2, 3, 13)]   // 1 + 2 x 2 x 3
    public void ChangingFutureInputsNeverChangesPastOutputsAndTheReceptiveFieldIsExact(int layers, int stacks, int kernel, long field)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var net = new WaveNet(2, 2, residualChannels: 6, skipChannels: 5, layersPerStack: layers, stacks: stacks, kernelSize: kernel);
        net.eval();
        net.to(ScalarType.Float64); // the far end of the field reacts by ~1e-8: below float32 resolution
        Assert.Equal(field, net.ReceptiveField);
        const int T = 80, t0 = 20;
        Tensor x = randn(1, 2, T, dtype: ScalarType.Float64);
        Tensor y = net.forward(x);

        // Causality: replace every input from t0 on; outputs before t0 are bit-identical.
        Tensor future = x.clone();
        future.narrow(2, t0, T - t0).copy_(randn(1, 2, T - t0, dtype: ScalarType.Float64));
        Tensor yf = net.forward(future);
        Assert.True(NnTestUtil.Same(yf.narrow(2, 0, t0), y.narrow(2, 0, t0)), "an output before t0 changed");

        // Receptive field: perturbing only input t0 changes output t0 + field - 1 and nothing at or after t0 + field.
        Tensor spike = x.clone();
        spike[0, 0, t0] += 1.0f;
        spike[0, 1, t0] -= 1.0f;
        Tensor ys = net.forward(spike);
        Tensor diff = (ys - y).abs().sum(new long[] { 0, 1 }); // per time step
        Assert.True(diff[t0 + field - 1].item<double>() > 0, "the last step inside the receptive field did not react");
        Assert.Equal(0.0, diff.narrow(0, t0 + field, T - t0 - field).max().item<double>());
        Assert.Equal(0.0, diff.narrow(0, 0, t0).max().item<double>());
    }
}
