using Sente.Core.Games;

namespace Sente.Core.Encoding;

/// <summary>
/// Turns a position into a network's input planes. Implementations are immutable and thread-safe (each call writes
/// only into the caller's span).
/// </summary>
public interface IPositionEncoder
{
    /// <summary>Number of planes (C).</summary>
    int Planes { get; }

    /// <summary>Board height (H).</summary>
    int Height { get; }

    /// <summary>Board width (W).</summary>
    int Width { get; }

    /// <summary>Writes Planes x Height x Width floats, channel-major (c * H * W + y * W + x), from the point of view of
    /// the player to move, into <paramref name="destination"/> (which must hold at least that many).</summary>
    void Encode(IGameState state, Span<float> destination);
}
