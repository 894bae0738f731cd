using Sente.Core.Games;
using Sente.Go;

namespace Sente.Go.Features;

/// <summary>Argument checks and set-up shared by the Go encoders (stateless, thread-safe).</summary>
public static class GoStates
{
    /// <summary>The start of every Go encoder's Encode: <paramref name="state"/> checked as a
    /// <paramref name="size"/> x <paramref name="size"/> <see cref="GoState"/>, and <paramref name="planeData"/>, the
    /// first <paramref name="planes"/> x size x size floats of <paramref name="destination"/> (plane-major), cleared.</summary>
    /// <exception cref="ArgumentException">Not a Go position, another size, or a destination too short.</exception>
    public static GoState BeginEncode(IGameState state, int size, int planes, Span<float> destination, out Span<float> planeData)
    {
        GoState go = Require(state, size, planes, destination.Length);
        planeData = destination[..(planes * size * size)];
        planeData.Clear();
        return go;
    }

    public static GoState Require(IGameState state, int size, int planes, int destinationLength)
    {
        if (state is not GoState go) throw new ArgumentException($"a Go encoder needs a GoState, got {state.GetType().Name}");
        if (go.Size != size) throw new ArgumentException($"encoder for {size}x{size}, position is {go.Size}x{go.Size}");
        if (destinationLength < planes * size * size)
            throw new ArgumentException($"need {planes * size * size} floats, got {destinationLength}");
        return go;
    }
}
