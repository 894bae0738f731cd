using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// A WaveNet stack: a causal 1x1 input convolution, <c>stacks</c> repetitions of <c>layersPerStack</c>
/// <see cref="WaveNetLayer"/>s with dilations 1, 2, 4, ..., 2^(layersPerStack-1), the sum of all skip outputs,
/// then ReLU - conv1x1 - ReLU - conv1x1 to the output channels. The very last layer has no residual convolution
/// (its residual output would be unused).
/// <para>Receptive field (steps of input that output t depends on, including t itself):
/// 1 + (kernelSize - 1) x stacks x (2^layersPerStack - 1). Output t never depends on input t+1 or later.</para>
/// Shape: (N, inChannels, T) -> (N, outChannels, T), any T.
/// </summary>
public sealed class WaveNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> input;
    private readonly ModuleList<WaveNetLayer> layers;
    private readonly nn.Module<Tensor, Tensor> post1;
    private readonly nn.Module<Tensor, Tensor> post2;

    /// <summary>The receptive field in time steps, as documented on the class.</summary>
    public long ReceptiveField { get; }

    public WaveNet(long inChannels, long outChannels, long residualChannels = 32, long skipChannels = 32,
        int layersPerStack = 4, int stacks = 1, long kernelSize = 2) : base(nameof(WaveNet))
    {
        if (layersPerStack < 1 || stacks < 1) throw new ArgumentOutOfRangeException(nameof(layersPerStack), "need at least one layer and one stack");
        input = nn.Conv1d(inChannels, residualChannels, 1);
        layers = new ModuleList<WaveNetLayer>();
        for (int s = 0; s < stacks; s++)
            for (int i = 0; i < layersPerStack; i++)
                layers.Add(new WaveNetLayer(residualChannels, skipChannels, kernelSize, 1L << i,
                    residualOutput: s < stacks - 1 || i < layersPerStack - 1));
        post1 = nn.Conv1d(skipChannels, skipChannels, 1);
        post2 = nn.Conv1d(skipChannels, outChannels, 1);
        ReceptiveField = 1 + (kernelSize - 1) * stacks * ((1L << layersPerStack) - 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = input.forward(x);
        Tensor? skipSum = null;
        foreach (var layer in layers)
        {
            var (res, skip) = layer.forward(h);
            h = res;
            skipSum = skipSum is null ? skip : ScalarSafe.Add(skipSum, skip);
        }
        Tensor y = post2.forward(nn.functional.relu(post1.forward(nn.functional.relu(skipSum!))));
        return y.MoveToOuterDisposeScope();
    }
}
