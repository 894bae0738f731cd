using Sente.Core.Games;

namespace Sente.Go;

/// <summary>
/// Go as an <see cref="IGame"/>: N x N board (2..25), komi, rules. Actions are points y*N + x and pass = N*N.
/// <para>Observation (<see cref="GoState.WriteObservation"/>): 3 planes of N x N from the mover's view: own stones,
/// opponent stones, all ones (marks the board inside zero padding). Network encoders (AlphaGo / AlphaGo Zero planes)
/// live in Sente.Nn.</para>
/// <para><see cref="MaxGameLength"/> is 2*N*N moves (passes included), as AlphaGo Zero's cap; a game that reaches it
/// is terminal and scored as it stands.</para>
/// Immutable and thread-safe.
/// </summary>
public sealed class GoGame : IGame
{
    /// <summary>Number of observation planes of the default observation.</summary>
    public const int ObservationPlanes = 3;

    /// <summary>A Go game definition; <paramref name="rules"/> defaults to <see cref="Rules.TrompTaylor"/>.</summary>
    public GoGame(int size = 9, double komi = 7.5, Rules? rules = null)
    {
        BoardSizes.Require(size);
        if (double.IsNaN(komi) || double.IsInfinity(komi)) throw new ArgumentOutOfRangeException(nameof(komi), komi, "komi must be finite");
        Size = size;
        Komi = komi;
        Rules = rules ?? Rules.TrompTaylor;
    }

    /// <summary>Side length.</summary>
    public int Size { get; }

    /// <summary>Komi added to White's area.</summary>
    public double Komi { get; }

    /// <summary>Ko and suicide rules.</summary>
    public Rules Rules { get; }

    /// <inheritdoc />
    public string Name => "go";

    /// <inheritdoc />
    public int NumActions => Size * Size + 1;

    /// <inheritdoc />
    public (int Channels, int Height, int Width) ObservationShape => (ObservationPlanes, Size, Size);

    /// <inheritdoc />
    public int MaxGameLength => 2 * Size * Size;

    /// <inheritdoc />
    public IGameState NewInitialState() => new GoState(this);

    /// <summary>A fresh <see cref="GoState"/> (typed).</summary>
    public GoState NewState() => new(this);
}
