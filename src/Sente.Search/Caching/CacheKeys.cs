using Sente.Core.Encoding;
using Sente.Core.Games;

namespace Sente.Search.Caching;

/// <summary>
/// Keys for <see cref="CachingEvaluator"/>: 64-bit hashes that are equal for positions a network cannot tell apart.
/// <see cref="IGameState.PositionHash"/> covers the board and the player to move only; a network input with history
/// (AlphaGo Zero's 8 past boards, Leela Zero's) needs more, so the exact key is a hash of the encoder's own planes.
/// Thread-safe: the returned functions keep no state between calls.
/// </summary>
public static class CacheKeys
{
    /// <summary>The state's <see cref="IGameState.PositionHash"/> (board + player to move): exact only for encoders
    /// that read nothing else (e.g. the small games' observations), not for inputs with history.</summary>
    public static Func<IGameState, ulong> PositionHash { get; } = s => s.PositionHash;

    /// <summary>A hash of the planes <paramref name="encoder"/> writes (history and side to move included, whatever
    /// the encoder reads): exact up to 64-bit collisions, at the cost of one encoding per lookup.</summary>
    public static Func<IGameState, ulong> EncodedPlanes(IPositionEncoder encoder)
    {
        int size = encoder.Planes * encoder.Height * encoder.Width;
        return state =>
        {
            float[] planes = new float[size];
            encoder.Encode(state, planes);
            return Hash(planes);
        };
    }

    /// <summary>A 64-bit hash of the floats' bit patterns (FNV-1a over 32-bit words, then a splitmix64 finalizer).</summary>
    public static ulong Hash(ReadOnlySpan<float> values)
    {
        ulong h = 14695981039346656037UL;
        foreach (float v in values)
        {
            h ^= BitConverter.SingleToUInt32Bits(v);
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    /// <summary>splitmix64's finalizer: spreads the bits of <paramref name="x"/>.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
