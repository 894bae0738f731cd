using Sente.Core;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.Modules;

namespace Sente.Rl.PolicyGradient;

/// <summary>
/// A small MLP: inputs -> hidden (tanh) -> outputs, used as a softmax policy (outputs = action logits) or a value
/// function (one output). Weights are initialised from a Sente <see cref="Rng"/> (uniform +-1/sqrt(fan_in), like
/// PyTorch's default) so runs are reproducible without touching torch's global generator. For acting, the
/// weights are copied to arrays (<see cref="Snapshot"/>) and evaluated in plain C#, which is much faster than a
/// torch call per environment step for a network this small.
/// </summary>
public sealed class MlpPolicy : Module<Tensor, Tensor>
{
    private readonly Linear _hidden, _output;

    public MlpPolicy(int inputs, int hidden, int outputs, Rng rng, Device? device = null) : base(nameof(MlpPolicy))
    {
        _hidden = Linear(inputs, hidden);
        _output = Linear(hidden, outputs);
        RegisterComponents();
        using (no_grad())
        {
            Fill(_hidden, inputs, rng);
            Fill(_output, hidden, rng);
        }
        if (device is not null) this.to(device);
        Inputs = inputs; Hidden = hidden; Outputs = outputs;
    }

    public int Inputs { get; }
    public int Hidden { get; }
    public int Outputs { get; }

    /// <summary>[N, inputs] -> [N, outputs].</summary>
    public override Tensor forward(Tensor x)
    {
        using var h = _hidden.forward(x).tanh_();
        return _output.forward(h);
    }

    /// <summary>A copy of the weights as arrays for fast single-sample evaluation.</summary>
    public MlpSnapshot Snapshot()
    {
        using var _ = NewDisposeScope();
        float[] w1 = _hidden.weight!.cpu().data<float>().ToArray();
        float[] b1 = _hidden.bias!.cpu().data<float>().ToArray();
        float[] w2 = _output.weight!.cpu().data<float>().ToArray();
        float[] b2 = _output.bias!.cpu().data<float>().ToArray();
        return new MlpSnapshot(Inputs, Hidden, Outputs, w1, b1, w2, b2);
    }

    private static void Fill(Linear layer, int fanIn, Rng rng)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        foreach (var p in new[] { layer.weight!, layer.bias! })
        {
            var values = new float[p.numel()];
            for (int i = 0; i < values.Length; i++) values[i] = (float)((2 * rng.NextDouble() - 1) * bound);
            using var t = tensor(values).reshape(p.shape);
            p.copy_(t);
        }
    }
}

/// <summary>Plain-array copy of an <see cref="MlpPolicy"/> (row-major weights [out, in]). Immutable.</summary>
public sealed class MlpSnapshot(int inputs, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2)
{
    /// <summary>Writes the network outputs for one input into <paramref name="output"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> input, Span<double> output)
    {
        Span<double> h = stackalloc double[hidden];
        for (int j = 0; j < hidden; j++)
        {
            double sum = b1[j];
            int row = j * inputs;
            for (int i = 0; i < inputs; i++) sum += w1[row + i] * input[i];
            h[j] = Math.Tanh(sum);
        }
        for (int k = 0; k < outputs; k++)
        {
            double sum = b2[k];
            int row = k * hidden;
            for (int j = 0; j < hidden; j++) sum += w2[row + j] * h[j];
            output[k] = sum;
        }
    }
}
