using Sente.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

/// <summary>Shared checks for network tests: parameter counts, gradient coverage, overfitting.</summary>
internal static class NnTestUtil
{
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    /// <summary>Runs forward + backward of a random projection of the outputs (train mode) and asserts every
    /// parameter received a gradient with at least one non-zero entry; names the offenders otherwise.</summary>
    public static void AssertEveryParameterGetsGradient(nn.Module module, Func<Tensor> lossOfRandomProjection)
    {
        module.train();
        module.zero_grad();
        using (var scope = NewDisposeScope())
        {
            lossOfRandomProjection().backward();
        }
        var missing = module.named_parameters()
            .Where(p => p.parameter.grad is null || p.parameter.grad.abs().max().item<float>() == 0f)
            .Select(p => p.name).ToList();
        Assert.True(missing.Count == 0, "parameters without gradient: " + string.Join(", ", missing));
    }

    /// <summary>A fixed random projection loss: sum(y * r) with r ~ N(0,1) of y's shape (seeded).</summary>
    public static Tensor Projection(Tensor y, long seed = 7)
    {
        var g = new Generator((ulong)seed);
        return (y * randn(y.shape, generator: g)).sum();
    }

    /// <summary>Trains with Adam on one fixed batch; returns (first loss, last loss).</summary>
    public static (float First, float Last) Overfit(nn.Module module, Func<Tensor> loss, int steps, double lr)
    {
        module.train();
        using var opt = new Sente.Nn.Optimizers.Adam(module.parameters(), lr);
        float first = 0, last = 0;
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            opt.ZeroGrad();
            Tensor l = loss();
            l.backward();
            opt.Step();
            float v = l.item<float>();
            if (step == 0) first = v;
            last = v;
        }
        return (first, last);
    }

    /// <summary>True when both tensors have the same shape and bit-identical values.</summary>
    public static bool Same(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    public static void Init() => TorchRuntime.InitializeProcess();
}
