using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Optimizers;

/// <summary>
/// Adam (Kingma and Ba 2015) without weight decay or AMSGrad: the update of <c>torch.optim.Adam</c>, op for op, so
/// results match it bit for bit. With t the step count, m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
/// theta -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps). Its moments are not saved (the one user,
/// CartPole REINFORCE, runs in one go). Not thread-safe.
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor[] _mean, _square;
    private readonly double _beta1, _beta2, _eps;
    private readonly long[] _steps;
    private double _learningRate;

    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Step size, at least 0 (PyTorch's default 1e-3).</param>
    /// <param name="beta1">Decay of the gradient's running mean, in [0, 1).</param>
    /// <param name="beta2">Decay of the squared gradient's running mean, in [0, 1).</param>
    /// <param name="eps">Added to the denominator, at least 0.</param>
    public Adam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1)");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be >= 0");
        LearningRate = learningRate;
        _parameters = parameters.ToArray();
        (_beta1, _beta2, _eps) = (beta1, beta2, eps);
        _mean = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _square = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _steps = new long[_parameters.Length];
    }

    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the learning rate must be >= 0");
    }

    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            using Tensor? grad = p.grad;
            grad?.zero_();
        }
    }

    public void Step()
    {
        using var noGrad = no_grad();
        using Scalar beta1 = _beta1.ToScalar(), beta2 = _beta2.ToScalar(), eps = _eps.ToScalar();
        using Scalar oneMinusBeta1 = (1 - _beta1).ToScalar(), oneMinusBeta2 = (1 - _beta2).ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            TorchSharp.Modules.Parameter p = _parameters[i];
            using Tensor? grad = p.grad;
            if (grad is null) continue;
            long t = ++_steps[i];
            double correction1 = 1 - Math.Pow(_beta1, t), correction2 = 1 - Math.Pow(_beta2, t);
            _mean[i].mul_(beta1).add_(grad, oneMinusBeta1);
            _square[i].mul_(beta2).addcmul_(grad, grad, oneMinusBeta2);
            using Scalar sqrtCorrection2 = Math.Sqrt(correction2).ToScalar(), minusStep = (-_learningRate / correction1).ToScalar();
            using Tensor root = _square[i].sqrt();
            using Tensor denominator = root.div(sqrtCorrection2);
            denominator.add_(eps);
            p.addcdiv_(_mean[i], denominator, minusStep);
        }
    }

    public void Dispose()
    {
        foreach (var t in _mean) t.Dispose();
        foreach (var t in _square) t.Dispose();
    }
}
