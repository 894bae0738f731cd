using Sente.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>TorchSharp's natives load on this machine (the build's libstdc++ fix) and compute correctly.</summary>
public class TorchSmokeTests
{
    public TorchSmokeTests() => TorchRuntime.InitializeProcess();

    [Fact]
    public void TensorArithmeticIsExact()
    {
        using var scope = NewDisposeScope();
        Tensor a = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        Tensor b = a.matmul(a.T);
        Assert.Equal(new float[] { 5, 11, 11, 25 }, b.data<float>().ToArray());
    }

    [Fact]
    public void Conv2dForwardMatchesHandComputation()
    {
        using var scope = NewDisposeScope();
        var conv = nn.Conv2d(1, 1, 3, padding: 1, bias: false);
        using (no_grad()) conv.weight!.fill_(1.0f);
        Tensor x = ones(1, 1, 3, 3);
        Tensor y = conv.forward(x);
        Assert.Equal(new long[] { 1, 1, 3, 3 }, y.shape);
        // With all-ones 3x3 weights and zero padding each output is the number of in-board neighbours (incl. self).
        Assert.Equal(new float[] { 4, 6, 4, 6, 9, 6, 4, 6, 4 }, y.data<float>().ToArray());
    }

    [Fact]
    public void BackwardGivesAnalyticGradientAndSgdLowersTheLoss()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var model = nn.Sequential(nn.Conv2d(2, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 5 * 5, 1));
        Tensor x = randn(8, 2, 5, 5);
        Tensor target = randn(8, 1);
        using var opt = new Sente.Nn.Optimizers.Sgd(model.parameters(), 0.05);
        float first = 0, last = 0;
        for (int step = 0; step < 30; step++)
        {
            opt.ZeroGrad();
            Tensor loss = nn.functional.mse_loss(model.forward(x), target);
            loss.backward();
            opt.Step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.All(model.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0));
        Assert.True(last < first * 0.5f, $"loss {first} -> {last}");

        // d/dw (w*x)^2 = 2 w x^2 at w=3, x=2 -> 24.
        Tensor w = tensor(3.0f, requires_grad: true);
        (w * 2.0f).pow(2).backward();
        Assert.Equal(24.0f, w.grad!.item<float>(), 5);
    }
}
