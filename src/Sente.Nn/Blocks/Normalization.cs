using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Blocks;

/// <summary>The normalization a block applies after (or, pre-activation, before) each convolution.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NormKind>))]
public enum NormKind
{
    /// <summary>BatchNorm2d: per-channel statistics over (N, H, W); running averages used in eval mode.</summary>
    Batch,
    /// <summary>LayerNorm over (C, H, W) of each sample. Implemented as GroupNorm with one group: the same
    /// statistics as LayerNorm over (C, H, W), with a per-channel affine (gamma, beta) instead of a per-element
    /// one, so one set of weights fits every board size. Behaves identically in train and eval mode.</summary>
    Layer,
    /// <summary>No normalization (the convolutions then carry a bias).</summary>
    None,
}

/// <summary>Creates normalization modules for 4-D (N, C, H, W) activations.</summary>
public static class Normalization
{
    /// <summary>A module normalizing <paramref name="channels"/> channels; shape-preserving.</summary>
    public static nn.Module<Tensor, Tensor> Create(NormKind kind, long channels) => kind switch
    {
        NormKind.Batch => nn.BatchNorm2d(channels),
        NormKind.Layer => LayerNorm(channels),
        NormKind.None => nn.Identity(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown normalization"),
    };

    private static nn.Module<Tensor, Tensor> LayerNorm(long channels)
    {
        var norm = nn.GroupNorm(1, channels);
        // TorchSharp 0.107's GroupNorm leaves its affine parameters uninitialized (garbage): set PyTorch's defaults.
        using (no_grad())
        {
            norm.weight!.fill_(1.0f);
            norm.bias!.zero_();
        }
        return norm;
    }

    /// <summary>Whether a convolution followed by this normalization needs its own bias (only without a norm:
    /// BatchNorm cancels a per-channel bias exactly; after LayerNorm, its per-channel shift takes the bias's place).</summary>
    public static bool ConvNeedsBias(NormKind kind) => kind == NormKind.None;

    /// <summary>Whether a convolution whose output reaches the rest of the network only through normalizations of
    /// this kind (the next block's, the trunk's final one), directly or along identity shortcuts and
    /// concatenations, needs a bias. BatchNorm subtracts each channel's mean, so a per-channel bias would get a
    /// gradient of exactly zero; LayerNorm (one group) subtracts one mean over all channels, which does not cancel
    /// a per-channel bias, and without a norm nothing does.</summary>
    public static bool StreamConvNeedsBias(NormKind kind) => kind != NormKind.Batch;

    /// <summary>A 3x3 "same" convolution feeding a block's output (see <see cref="StreamConvNeedsBias"/>).</summary>
    public static nn.Module<Tensor, Tensor> StreamConv3x3(long inChannels, long outChannels, NormKind norm) =>
        nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: StreamConvNeedsBias(norm));

    /// <summary>A 3x3 "same" convolution (stride 1, zero padding 1) as every Go trunk uses.</summary>
    public static nn.Module<Tensor, Tensor> Conv3x3(long inChannels, long outChannels, NormKind norm) =>
        nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: ConvNeedsBias(norm));

    /// <summary>A 1x1 convolution.</summary>
    public static nn.Module<Tensor, Tensor> Conv1x1(long inChannels, long outChannels, bool bias) =>
        nn.Conv2d(inChannels, outChannels, 1, bias: bias);
}
