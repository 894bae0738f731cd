using Sente.Core.Games;

namespace Sente.Core.Encoding;

/// <summary>The generic encoder for any <see cref="IGame"/>: the game's own <see cref="IGameState.WriteObservation"/>
/// with its <see cref="IGame.ObservationShape"/>. Thread-safe.</summary>
public sealed class ObservationEncoder(IGame game) : IPositionEncoder
{
    public int Planes { get; } = game.ObservationShape.Channels;
    public int Height { get; } = game.ObservationShape.Height;
    public int Width { get; } = game.ObservationShape.Width;

    public void Encode(IGameState state, Span<float> destination) =>
        state.WriteObservation(destination[..(Planes * Height * Width)]);
}
