using System.Text.Json.Serialization;
using Sente.Nn.Blocks;

namespace Sente.Nn.Models;

/// <summary>The network families Sente builds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelKind>))]
public enum ModelKind
{
    /// <summary>AlphaGo Zero's two-headed residual net (<see cref="ZeroNet"/>).</summary>
    Zero,
    /// <summary>AlphaGo's SL/RL policy network alone (<see cref="AlphaGoPolicyNet"/>): logits only.</summary>
    AlphaGoPolicy,
    /// <summary>AlphaGo's value network alone (<see cref="AlphaGoValueNet"/>): a value only.</summary>
    AlphaGoValue,
    /// <summary>AlphaGo's policy and value networks side by side as one policy-value model (<see cref="AlphaGoNet"/>).</summary>
    AlphaGo,
}

/// <summary>
/// Immutable, JSON-serializable description of a network: everything <see cref="ModelFactory"/> needs to build it,
/// stored in every checkpoint. Members that do not apply to <see cref="Kind"/> are ignored.
/// </summary>
/// <param name="Kind">The family.</param>
/// <param name="BoardSize">N: the board is N x N, the policy has N*N (+1 pass) outputs.</param>
/// <param name="InputPlanes">Input feature planes (17 AlphaGo Zero, 18 Leela Zero, 48 AlphaGo policy, 49 AlphaGo
/// value and the AlphaGo pair, whose policy half reads the first InputPlanes - 1 planes).</param>
/// <param name="Trunk">Zero: the residual tower (a 6 x 64 ResNet when null). AlphaGoValue: when set, a tower of these
/// blocks replaces the policy-shaped convolution stack (Layers and Filters are then unused); null keeps AlphaGo's.</param>
/// <param name="Filters">AlphaGo only: k, filters of every hidden convolution (192 in the match version).</param>
/// <param name="Layers">AlphaGo only: convolution layers including the 5x5 first and the 1x1 last (13 in the paper).</param>
/// <param name="PassLogit">AlphaGo policy only: add a learned pass logit (from globally pooled features); without it
/// the pass logit is a constant -1e4 (AlphaGo excluded passes), so pass is chosen only when it is the only legal move.</param>
/// <param name="ValueHidden">Hidden units of the value head's fully connected layer (256 in both papers).</param>
/// <param name="Height">Zero only: input height when the board is not square or not Go's (null: BoardSize).</param>
/// <param name="Width">Zero only: input width (null: BoardSize).</param>
/// <param name="Actions">Zero only: policy outputs when the game's actions are not Go's N*N + 1 (e.g. 9 for
/// tic-tac-toe, 7 for Connect Four); null: BoardSize^2 + 1.</param>
public sealed record ModelConfig(
    ModelKind Kind = ModelKind.Zero,
    int BoardSize = 19,
    int InputPlanes = 18,
    TrunkConfig? Trunk = null,
    int Filters = 192,
    int Layers = 13,
    bool PassLogit = false,
    int ValueHidden = 256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Height = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Width = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Actions = null)
{
    /// <summary>Input height H (BoardSize unless <see cref="Height"/> is set).</summary>
    [JsonIgnore] public int H => Height ?? BoardSize;

    /// <summary>Input width W (BoardSize unless <see cref="Width"/> is set).</summary>
    [JsonIgnore] public int W => Width ?? BoardSize;

    /// <summary>Policy outputs of the models that have a policy: N*N points + pass.</summary>
    [JsonIgnore] public int NumActions => Actions ?? BoardSize * BoardSize + 1;

    /// <summary>The trunk for <see cref="ModelKind.Zero"/> (a 6 x 64 ResNet when not given).</summary>
    [JsonIgnore] public TrunkConfig TrunkOrDefault => Trunk ?? new TrunkConfig();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid member.</summary>
    public ModelConfig Validate()
    {
        // Sente.Go's BoardSizes, which the game-agnostic torch layer cannot name (a test keeps the two equal).
        if (BoardSize is < 2 or > 25) throw new ArgumentException($"board size must be in 2..25 (got {BoardSize})");
        if (InputPlanes < 1) throw new ArgumentException($"input planes must be >= 1 (got {InputPlanes})");
        if (Kind == ModelKind.AlphaGo && InputPlanes < 2) throw new ArgumentException("the AlphaGo pair needs >= 2 input planes");
        if (Kind != ModelKind.Zero)
        {
            if (Filters < 1) throw new ArgumentException($"filters must be >= 1 (got {Filters})");
            if (Layers < 3) throw new ArgumentException($"AlphaGo nets need >= 3 layers (got {Layers})");
        }
        if (Height is < 1 || Width is < 1 || Actions is < 1) throw new ArgumentException("height, width and actions must be >= 1");
        if (Kind != ModelKind.Zero && (Height is not null || Width is not null || Actions is not null))
            throw new ArgumentException("height, width and actions apply to Zero networks only");
        if (ValueHidden < 1) throw new ArgumentException($"value hidden units must be >= 1 (got {ValueHidden})");
        if (Kind == ModelKind.Zero) TrunkOrDefault.Validate();
        else if (Kind == ModelKind.AlphaGoValue) Trunk?.Validate();
        else if (Trunk is not null) throw new ArgumentException("a trunk applies to Zero networks and AlphaGo value networks only");
        return this;
    }
}
