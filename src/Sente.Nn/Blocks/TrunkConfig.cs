using System.Text.Json.Serialization;

namespace Sente.Nn.Blocks;

/// <summary>The residual-tower families a <see cref="Trunk"/> can be built from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrunkKind>))]
public enum TrunkKind
{
    /// <summary>AlphaGo Zero residual blocks (<see cref="ResidualBlock"/>).</summary>
    ResNet,
    /// <summary>Pre-activation blocks (<see cref="PreActivationBlock"/>), final norm + ReLU.</summary>
    PreAct,
    /// <summary>Wide ResNet blocks (<see cref="WideBlock"/>) at Width x WidthMultiplier channels.</summary>
    Wide,
    /// <summary>PyramidNet blocks (<see cref="PyramidBlock"/>): width grows linearly from Width to Width + PyramidAlpha.</summary>
    Pyramid,
    /// <summary>DenseNet: dense blocks of <see cref="DenseLayer"/>s separated by <see cref="TransitionLayer"/>s.</summary>
    Dense,
}

/// <summary>
/// Immutable description of a convolutional trunk: everything <see cref="Trunk"/> needs to build it. Serialized
/// into checkpoints (JSON), so keep members simple and their meaning stable.
/// </summary>
/// <param name="Kind">Block family.</param>
/// <param name="Blocks">Number of blocks (for Dense: total dense layers, split over <see cref="DenseBlocks"/> blocks).</param>
/// <param name="Width">Channels of the stem convolution (and base width of the blocks).</param>
/// <param name="Norm">Normalization used throughout.</param>
/// <param name="WidthMultiplier">Wide only: k, blocks run at Width x k channels.</param>
/// <param name="Dropout">Wide only: dropout between the two convolutions of a block (train mode only).</param>
/// <param name="PyramidAlpha">Pyramid only: total channel growth over the trunk; block i has
/// Width + floor(alpha x (i+1) / Blocks) output channels.</param>
/// <param name="GrowthRate">Dense only: k, new channels per dense layer.</param>
/// <param name="Bottleneck">Dense only: 1x1 bottleneck to 4k before each 3x3 (DenseNet-B).</param>
/// <param name="Compression">Dense only: transition layers keep this fraction of the channels (DenseNet-C).</param>
/// <param name="DenseBlocks">Dense only: number of dense blocks (transition layers go between them).</param>
public sealed record TrunkConfig(
    TrunkKind Kind = TrunkKind.ResNet,
    int Blocks = 6,
    int Width = 64,
    NormKind Norm = NormKind.Batch,
    int WidthMultiplier = 2,
    double Dropout = 0.0,
    int PyramidAlpha = 48,
    int GrowthRate = 12,
    bool Bottleneck = true,
    double Compression = 0.5,
    int DenseBlocks = 2)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid member.</summary>
    public TrunkConfig Validate()
    {
        if (Blocks < 1) throw new ArgumentException($"trunk blocks must be >= 1 (got {Blocks})");
        if (Width < 1) throw new ArgumentException($"trunk width must be >= 1 (got {Width})");
        if (WidthMultiplier < 1) throw new ArgumentException($"width multiplier must be >= 1 (got {WidthMultiplier})");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"dropout must be in [0, 1) (got {Dropout})");
        if (PyramidAlpha < 0) throw new ArgumentException($"pyramid alpha must be >= 0 (got {PyramidAlpha})");
        if (GrowthRate < 1) throw new ArgumentException($"growth rate must be >= 1 (got {GrowthRate})");
        if (Compression is <= 0 or > 1) throw new ArgumentException($"compression must be in (0, 1] (got {Compression})");
        if (Kind == TrunkKind.Dense && (DenseBlocks < 1 || DenseBlocks > Blocks)) throw new ArgumentException($"dense blocks must be in 1..blocks (got {DenseBlocks})");
        return this;
    }

    /// <summary>Parses a trunk kind name: resnet | preact | wide | pyramid | dense (case-insensitive).</summary>
    public static TrunkKind ParseKind(string name) => name.Trim().ToLowerInvariant() switch
    {
        "resnet" or "residual" => TrunkKind.ResNet,
        "preact" or "pre-activation" => TrunkKind.PreAct,
        "wide" or "wrn" => TrunkKind.Wide,
        "pyramid" or "pyramidnet" => TrunkKind.Pyramid,
        "dense" or "densenet" => TrunkKind.Dense,
        _ => throw new ArgumentException($"unknown trunk kind '{name}' (expected resnet, preact, wide, pyramid or dense)"),
    };

    /// <summary>Parses a normalization name: batch | layer | none.</summary>
    public static NormKind ParseNorm(string name) => name.Trim().ToLowerInvariant() switch
    {
        "batch" or "bn" or "batchnorm" => NormKind.Batch,
        "layer" or "ln" or "layernorm" => NormKind.Layer,
        "none" => NormKind.None,
        _ => throw new ArgumentException($"unknown normalization '{name}' (expected batch, layer or none)"),
    };
}
