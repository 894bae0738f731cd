using Sente.Go;

namespace Sente.Lee.Rollout;

/// <summary>
/// AlphaGo's fast rollout features (Silver et al. 2016, Extended Data Table 4), computed on plain arrays for one
/// candidate move of the player to move. Every candidate has at most <see cref="MaxActive"/> active binary features,
/// given as indices into one weight vector of <see cref="Count"/> entries:
/// <list type="bullet">
/// <item><see cref="Response"/>: the move lies in the 12-point diamond around the previous move (Manhattan distance 1-2).</item>
/// <item><see cref="SaveAtari"/>: the move gives an adjacent own chain in atari two or more liberties (by extending
/// and/or capturing next to it).</item>
/// <item><see cref="Neighbour"/> + 0..7: the move is 8-connected to the previous move, one feature per relative position.</item>
/// <item><see cref="Pattern3x3"/> + index: the 3x3 pattern around the move: each of the 8 neighbours empty, own,
/// opponent or off-board (4^8 = 65,536 exact patterns; AlphaGo's "non-response pattern").</item>
/// <item><see cref="Diamond"/> + hash: the 12-point diamond pattern around the previous move (each point empty / own /
/// opponent / off-board) together with the move's position in it, hashed to 2^16 buckets (the "response pattern").</item>
/// </list>
/// Positions are relative to the player to move, so one weight vector serves both colours. Not thread-safe
/// (reuses scratch); one instance per thread.
/// </summary>
public sealed class RolloutFeatures
{
    public const int Response = 0;
    public const int SaveAtari = 1;
    public const int Neighbour = 2;
    public const int Pattern3x3 = 10;
    public const int PatternCount = 1 << 16;
    public const int Diamond = Pattern3x3 + PatternCount;
    public const int DiamondBits = 16;
    /// <summary>Total number of features (weights).</summary>
    public const int Count = Diamond + (1 << DiamondBits);
    /// <summary>Most features one candidate can have active.</summary>
    public const int MaxActive = 5;

    // 8-neighbourhood in a fixed order: N, NE, E, SE, S, SW, W, NW.
    private static readonly (int Dx, int Dy)[] Ring = { (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1), (-1, 0), (-1, 1) };
    // The 12-point diamond around a point.
    private static readonly (int Dx, int Dy)[] DiamondPoints =
        { (0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (1, -1), (-1, -1), (-1, 1), (0, 2), (2, 0), (0, -2), (-2, 0) };

    private MoveTactics? tactics;

    /// <summary>
    /// Writes the active feature indices of <paramref name="color"/> playing on empty <paramref name="point"/> into
    /// <paramref name="active"/> (at least <see cref="MaxActive"/> long) and returns how many. <paramref name="lastMove"/>
    /// is the previous move's point (or a negative value / the pass index when there is none).
    /// </summary>
    public int Extract(Board board, Stone color, int lastMove, int point, Span<int> active)
    {
        int size = board.Size;
        int count = 0;
        int x = point % size, y = point / size;
        bool hasLast = lastMove >= 0 && lastMove < size * size;
        int lx = hasLast ? lastMove % size : 0, ly = hasLast ? lastMove / size : 0;

        if (hasLast)
        {
            int dx = x - lx, dy = y - ly;
            int manhattan = Math.Abs(dx) + Math.Abs(dy);
            int diamondIndex = -1;
            if (manhattan is >= 1 and <= 2 && !(Math.Abs(dx) == 2 && dy != 0) && !(Math.Abs(dy) == 2 && dx != 0))
                diamondIndex = Array.IndexOf(DiamondPoints, (dx, dy));
            if (diamondIndex >= 0)
            {
                active[count++] = Response;
                active[count++] = Diamond + DiamondHash(board, color, lx, ly, diamondIndex);
            }
            if (Math.Abs(dx) <= 1 && Math.Abs(dy) <= 1 && manhattan > 0)
                active[count++] = Neighbour + Array.IndexOf(Ring, (dx, dy));
        }

        if (SavesAtari(board, color, point)) active[count++] = SaveAtari;
        active[count++] = Pattern3x3 + PatternIndex(board, color, x, y);
        return count;
    }

    /// <summary>The exact 3x3 pattern index (0..65535) around (x, y) from <paramref name="color"/>'s view.</summary>
    public static int PatternIndex(Board board, Stone color, int x, int y)
    {
        int index = 0;
        for (int i = 0; i < 8; i++)
            index |= PointState(board, color, x + Ring[i].Dx, y + Ring[i].Dy) << (2 * i);
        return index;
    }

    /// <summary>The hashed diamond pattern (0 .. 2^16-1) around the previous move at (lx, ly) for a move at diamond
    /// position <paramref name="moveIndex"/> (0..11).</summary>
    public static int DiamondHash(Board board, Stone color, int lx, int ly, int moveIndex)
    {
        ulong key = (ulong)moveIndex;
        for (int i = 0; i < DiamondPoints.Length; i++)
            key = (key << 2) | (uint)PointState(board, color, lx + DiamondPoints[i].Dx, ly + DiamondPoints[i].Dy);
        key *= 0x9E3779B97F4A7C15UL;
        return (int)(key >> (64 - DiamondBits));
    }

    private bool SavesAtari(Board board, Stone color, int point)
    {
        bool ownInAtari = false;
        foreach (int n in board.Neighbors(point))
            if (board[n] == color && board.Liberties(n) == 1) { ownInAtari = true; break; }
        if (!ownInAtari) return false;
        tactics ??= new MoveTactics(BoardSizes.Max);
        return tactics.Analyze(board, color, point).Liberties >= 2;
    }

    // 0 empty, 1 own, 2 opponent, 3 off-board.
    private static int PointState(Board board, Stone color, int x, int y)
    {
        int size = board.Size;
        if ((uint)x >= (uint)size || (uint)y >= (uint)size) return 3;
        Stone s = board[y * size + x];
        return s == Stone.Empty ? 0 : s == color ? 1 : 2;
    }
}
