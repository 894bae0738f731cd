using Sente.Nn;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Training.Zero;

/// <summary>The losses of one training step (means over the batch).</summary>
/// <param name="Policy">Cross-entropy -pi . log p.</param>
/// <param name="Value">Mean squared error (z - v)^2.</param>
public readonly record struct StepLosses(double Policy, double Value)
{
    public double Total => Policy + Value;
}

/// <summary>
/// AlphaGo Zero's learner: minimises (z - v)^2 - pi . log p + c ||theta||^2 with SGD and momentum. The L2 term is
/// applied as SGD weight decay 2c (the gradient of c||theta||^2). Owns the optimizer; the network stays owned by
/// the caller. Not thread-safe; the network must not be used for inference elsewhere while a step runs.
/// </summary>
public sealed class PolicyValueTrainer : IDisposable
{
    private readonly PolicyValueNet _net;
    private readonly Sgd _optimizer;
    private readonly Device _device;

    public PolicyValueTrainer(PolicyValueNet net, double learningRate, double momentum, double l2, string device = "cpu")
    {
        _net = net;
        _device = torch.device(device);
        _net.to(_device);
        _optimizer = new Sgd(_net.parameters(), learningRate, momentum, weightDecay: 2 * l2);
    }

    /// <summary>One SGD step on <paramref name="batch"/> at <paramref name="learningRate"/>.</summary>
    public StepLosses Step(TrainingBatch batch, double learningRate)
    {
        _optimizer.LearningRate = learningRate;
        _net.train();
        using var scope = NewDisposeScope();
        ModelConfig c = _net.Config;
        Tensor x = tensor(batch.Inputs, new long[] { batch.Count, c.InputPlanes, c.H, c.W }).to(_device);
        Tensor pi = tensor(batch.Policies, new long[] { batch.Count, c.NumActions }).to(_device);
        Tensor z = tensor(batch.Outcomes, new long[] { batch.Count }).to(_device);
        var (logits, v) = _net.forward(x);
        Tensor policyLoss = -(pi * nn.functional.log_softmax(logits, 1)).sum(1).mean();
        Tensor valueLoss = nn.functional.mse_loss(v, z);
        Tensor loss = ScalarSafe.Add(policyLoss, valueLoss);
        _optimizer.ZeroGrad();
        loss.backward();
        _optimizer.Step();
        return new StepLosses(policyLoss.item<float>(), valueLoss.item<float>());
    }

    /// <summary>Saves the optimizer state (momentum buffers) so that a resumed run continues exactly.</summary>
    public void SaveState(string path) => _optimizer.Save(path);

    /// <summary>Loads optimizer state written by <see cref="SaveState"/>.</summary>
    public void LoadState(string path) => _optimizer.Load(path);

    public void Dispose() => _optimizer.Dispose();
}
