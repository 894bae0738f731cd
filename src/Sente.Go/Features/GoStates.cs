using Sente.Core.Games;
using Sente.Go;

namespace Sente.Go.Features;

/// <summary>Argument checks shared by the Go encoders.</summary>
public static class GoStates
{
    public static GoState Require(IGameState state, int size, int planes, int destinationLength)
    {
        if (state is not GoState go) throw new ArgumentException($"a Go encoder needs a GoState, got {state.GetType().Name}");
        if (go.Size != size) throw new ArgumentException($"encoder for {size}x{size}, position is {go.Size}x{go.Size}");
        if (destinationLength < planes * size * size)
            throw new ArgumentException($"need {planes * size * size} floats, got {destinationLength}");
        return go;
    }
}
