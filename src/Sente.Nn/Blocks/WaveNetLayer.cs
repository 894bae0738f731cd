using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>
/// One WaveNet layer (van den Oord et al. 2016): a dilated causal 1-D convolution producing filter and gate halves,
/// the gated unit tanh(filter) x sigmoid(gate), then a 1x1 convolution back to the residual stream (added to the
/// input) and a 1x1 convolution to the skip stream.
/// Causal: the input is left-padded by (kernel - 1) x dilation, so output t reads inputs t - (kernel-1)*dilation .. t.
/// Shapes: (N, residualChannels, T) -> (residual: (N, residualChannels, T), skip: (N, skipChannels, T)).
/// </summary>
public sealed class WaveNetLayer : nn.Module<Tensor, (Tensor Residual, Tensor Skip)>
{
    private readonly nn.Module<Tensor, Tensor> dilated;
    private readonly nn.Module<Tensor, Tensor>? residual;
    private readonly nn.Module<Tensor, Tensor> skip;
    private readonly long leftPad;
    private readonly long channels;

    /// <param name="residualOutput">False for the last layer of a stack whose residual stream nobody reads: it then
    /// has no residual convolution and returns its input unchanged as the residual.</param>
    public WaveNetLayer(long residualChannels, long skipChannels, long kernelSize, long dilation, bool residualOutput = true)
        : base(nameof(WaveNetLayer))
    {
        if (kernelSize < 1 || dilation < 1) throw new ArgumentOutOfRangeException(nameof(kernelSize), "kernel size and dilation must be >= 1");
        channels = residualChannels;
        leftPad = (kernelSize - 1) * dilation;
        dilated = nn.Conv1d(residualChannels, 2 * residualChannels, kernelSize, dilation: dilation);
        residual = residualOutput ? nn.Conv1d(residualChannels, residualChannels, 1) : null;
        skip = nn.Conv1d(residualChannels, skipChannels, 1);
        RegisterComponents();
    }

    /// <summary>How many past steps (including the current one) one layer sees: (kernel - 1) x dilation + 1.</summary>
    public long ReceptiveField => leftPad + 1;

    public override (Tensor Residual, Tensor Skip) forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = dilated.forward(nn.functional.pad(x, new long[] { leftPad, 0 }));
        Tensor gated = tanh(h.narrow(1, 0, channels)) * sigmoid(h.narrow(1, channels, channels));
        Tensor res = residual is null ? x.alias() : ScalarSafe.AddInPlace(residual.forward(gated), x);
        Tensor s = skip.forward(gated);
        return (res.MoveToOuterDisposeScope(), s.MoveToOuterDisposeScope());
    }
}
