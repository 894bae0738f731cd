using Sente.Core.Games;
using Sente.Go;
using Sente.Core.Encoding;

namespace Sente.Go.Features;

/// <summary>
/// AlphaGo Zero's 17 input planes or Leela Zero's 18, for an N x N board:
/// planes 0-7: stones of the player to move at T = 0, -1, ..., -7 (T = -k: the position k moves ago);
/// planes 8-15: the other player's stones at the same times; plane 16: all ones if Black is to move
/// (AlphaGo Zero's colour plane); Leela Zero adds plane 17: all ones if White is to move.
/// History before the first move is zeros (Leela Zero's convention). Colours are those of the player to move now.
/// Thread-safe.
/// </summary>
public sealed class StoneHistoryEncoder : IPositionEncoder
{
    /// <summary>History steps per colour.</summary>
    public const int History = 8;

    private StoneHistoryEncoder(int size, bool leelaZero)
    {
        BoardSizes.Require(size);
        Height = Width = size;
        LeelaZero = leelaZero;
        Planes = leelaZero ? 18 : 17;
    }

    /// <summary>AlphaGo Zero's 17 planes.</summary>
    public static StoneHistoryEncoder AlphaGoZero(int size) => new(size, leelaZero: false);

    /// <summary>Leela Zero's 18 planes.</summary>
    public static StoneHistoryEncoder LeelaZero18(int size) => new(size, leelaZero: true);

    /// <summary>True for the 18-plane Leela Zero layout.</summary>
    public bool LeelaZero { get; }

    public int Planes { get; }
    public int Height { get; }
    public int Width { get; }

    public void Encode(IGameState state, Span<float> destination)
    {
        GoState go = GoStates.BeginEncode(state, Height, Planes, destination, out Span<float> dst);
        int n = Height * Width;
        Stone own = go.ToMove, opp = own.Opponent();
        int available = Math.Min(History - 1, go.MoveNumber);
        for (int k = 0; k <= available; k++)
        {
            ReadOnlySpan<Stone> stones = go.StonesAgo(k);
            Span<float> ownPlane = dst.Slice(k * n, n);
            Span<float> oppPlane = dst.Slice((History + k) * n, n);
            for (int p = 0; p < n; p++)
            {
                Stone s = stones[p];
                if (s == own) ownPlane[p] = 1f;
                else if (s == opp) oppPlane[p] = 1f;
            }
        }
        int colourPlane = own == Stone.Black ? 16 : (LeelaZero ? 17 : -1);
        if (colourPlane >= 0) dst.Slice(colourPlane * n, n).Fill(1f);
    }
}
