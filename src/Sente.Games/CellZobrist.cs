using Sente.Core;

namespace Sente.Games;

/// <summary>Fixed CellZobrist keys (one per cell and player, plus one for "player 1 to move"), seeded so hashes are
/// stable across runs. Immutable after construction.</summary>
internal sealed class CellZobrist
{
    private readonly ulong[] _keys;

    public CellZobrist(int cells, ulong seed)
    {
        var rng = new Rng(seed);
        _keys = new ulong[cells * 2 + 1];
        for (int i = 0; i < _keys.Length; i++) _keys[i] = rng.NextUInt64();
    }

    /// <summary>Key of a stone of <paramref name="player"/> on <paramref name="cell"/>.</summary>
    public ulong Stone(int cell, int player) => _keys[cell * 2 + player];

    /// <summary>Key XORed in while player 1 is to move.</summary>
    public ulong SideToMove => _keys[^1];
}
