using TorchSharp;
using static TorchSharp.torch;
using Sente.Core.IO;

namespace Sente.Nn.Optimizers;

/// <summary>
/// Stochastic gradient descent with momentum and L2 weight decay: the update of <c>torch.optim.SGD</c> (dampening 0,
/// no Nesterov), op for op, so results are bit-identical to it: g = grad + decay * theta; b = g on the first step,
/// then b = momentum * b + g; theta -= lr * b (b = g when momentum is 0). The momentum buffers live in an inner
/// TorchSharp <c>SGD</c>, so <see cref="Save"/> writes and <see cref="Load"/> reads TorchSharp's optimizer file format
/// (files from runs made with <c>torch.optim.SGD</c> resume here and the other way round). Not thread-safe.
/// </summary>
public sealed class Sgd : IOptimizer
{
    private readonly TorchSharp.Modules.SGD _inner;
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly TorchSharp.Modules.SGD.State[] _states;
    private readonly double _momentum, _weightDecay;

    /// <param name="parameters">The parameters to update, in a fixed order (the order of the saved state).</param>
    /// <param name="learningRate">Initial step size, at least 0.</param>
    /// <param name="momentum">Momentum factor in [0, 1); 0 is plain SGD.</param>
    /// <param name="weightDecay">L2 coefficient added to each gradient as decay * theta, at least 0.</param>
    public Sgd(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
    {
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate must be >= 0");
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1)");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "weight decay must be >= 0");
        _parameters = parameters.ToArray();
        _momentum = momentum;
        _weightDecay = weightDecay;
        _inner = optim.SGD(_parameters, learningRate, momentum, weight_decay: weightDecay);
        // state_dict() lists the inner optimizer's own per-parameter state objects, in parameter order; loading a file
        // fills those same objects, so the buffers set here are the ones Save writes.
        _states = _inner.state_dict().State.Cast<TorchSharp.Modules.SGD.State>().ToArray();
    }

    public double LearningRate
    {
        get => _inner.ParamGroups.First().LearningRate;
        set
        {
            if (!(value >= 0)) throw new ArgumentOutOfRangeException(nameof(value), value, "the learning rate must be >= 0");
            foreach (var group in _inner.ParamGroups) group.LearningRate = value;
        }
    }

    public void ZeroGrad() => _inner.zero_grad();

    public void Step()
    {
        using var noGrad = no_grad();
        using Scalar one = 1.ToScalar(), decay = _weightDecay.ToScalar(), momentum = _momentum.ToScalar();
        using Scalar minusLr = (-LearningRate).ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            TorchSharp.Modules.Parameter p = _parameters[i];
            using Tensor? grad = p.grad;
            if (grad is null) continue;
            using Tensor? decayed = _weightDecay != 0 ? grad.add(p, decay) : null;
            Tensor d = decayed ?? grad;
            if (_momentum != 0)
            {
                Tensor? buffer = _states[i].momentum_buffer;
                if (buffer is null)
                {
                    using Tensor detached = d.detach();
                    _states[i].momentum_buffer = buffer = detached.clone().DetachFromDisposeScope();
                }
                else buffer.mul_(momentum).add_(d, one);
                d = buffer;
            }
            p.add_(d, minusLr);
        }
    }

    /// <summary>Writes the learning rate, settings and momentum buffers to <paramref name="path"/> atomically
    /// (<see cref="Checkpoints.AtomicFile"/>), in TorchSharp's optimizer format.</summary>
    public void Save(string path) => AtomicFile.WriteVia(path, _inner.save_state_dict);

    /// <summary>Reads state written by <see cref="Save"/> (or by TorchSharp's <c>SGD.save_state_dict</c>) for the same
    /// parameters. A file of another optimizer or another network is an <see cref="InvalidDataException"/> naming it.</summary>
    public void Load(string path)
    {
        try { _inner.load_state_dict(path); }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or System.Runtime.InteropServices.ExternalException
                                   or (IOException and not FileNotFoundException and not DirectoryNotFoundException))
        {
            throw new InvalidDataException($"{path}: not the SGD optimizer state of this network ({e.Message})", e);
        }
    }

    public void Dispose() => _inner.Dispose();
}
