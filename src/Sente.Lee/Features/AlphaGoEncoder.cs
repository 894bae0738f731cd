using Sente.Core.Games;
using Sente.Go;
using Sente.Core.Encoding;
using Sente.Go.Features;

namespace Sente.Lee.Features;

/// <summary>
/// AlphaGo's 48 input planes (Silver et al. 2016, Extended Data Table 2), plus the value network's 49th colour plane,
/// for an N x N board, all from the point of view of the player to move. Integer features are one-hot over 8 planes,
/// the last plane meaning "this value or more". "Legal" means legal for the player to move under the position's
/// rules (superko included). Plane offsets are the public constants. Thread-safe (scratch per thread).
/// </summary>
public sealed class AlphaGoEncoder : IPositionEncoder
{
    /// <summary>3 planes: own stones, opponent stones, empty points.</summary>
    public const int StoneColour = 0;
    /// <summary>1 plane of ones.</summary>
    public const int Ones = 3;
    /// <summary>8 planes: for each stone, moves since it was played (1 = the last move, ..., 8 = 8 or more, and setup stones).</summary>
    public const int TurnsSince = 4;
    /// <summary>8 planes: for each stone, liberties of its chain (1 .. 8 or more).</summary>
    public const int Liberties = 12;
    /// <summary>8 planes: for each legal move, opponent stones it captures (0 .. 7 or more).</summary>
    public const int CaptureSize = 20;
    /// <summary>8 planes: for each legal move that leaves its own chain with one liberty, that chain's size (1 .. 8 or more).</summary>
    public const int SelfAtariSize = 28;
    /// <summary>8 planes: for each legal move, liberties of its chain after the move (1 .. 8 or more).</summary>
    public const int LibertiesAfterMove = 36;
    /// <summary>1 plane: the move is a working ladder capture (<see cref="Ladders.IsLadderCapture"/>).</summary>
    public const int LadderCapture = 44;
    /// <summary>1 plane: the move is a successful ladder escape (<see cref="Ladders.IsLadderEscape"/>).</summary>
    public const int LadderEscape = 45;
    /// <summary>1 plane: the move is legal and does not fill one of the mover's own one-point eyes.</summary>
    public const int Sensibleness = 46;
    /// <summary>1 plane of zeros.</summary>
    public const int Zeros = 47;
    /// <summary>Value network only: 1 plane, ones if the player to move is Black.</summary>
    public const int PlayerColour = 48;

    private readonly ThreadLocal<(MoveTactics Tactics, Ladders Ladders)> scratch;

    /// <param name="size">Board size N.</param>
    /// <param name="colourPlane">Add the 49th plane (the value network's input).</param>
    public AlphaGoEncoder(int size, bool colourPlane = false)
    {
        BoardSizes.Require(size);
        Height = Width = size;
        Planes = colourPlane ? 49 : 48;
        scratch = new ThreadLocal<(MoveTactics, Ladders)>(() => (new MoveTactics(size), new Ladders()));
    }

    public int Planes { get; }
    public int Height { get; }
    public int Width { get; }

    public void Encode(IGameState state, Span<float> destination)
    {
        GoState go = GoStates.BeginEncode(state, Height, Planes, destination, out Span<float> dst);
        int n = Height * Width;
        Board board = go.Board;
        Stone own = go.ToMove;
        var (tactics, ladders) = scratch.Value;
        int moveNumber = go.MoveNumber;

        dst.Slice(Ones * n, n).Fill(1f);
        if (Planes > PlayerColour && own == Stone.Black) dst.Slice(PlayerColour * n, n).Fill(1f);

        for (int p = 0; p < n; p++)
        {
            Stone s = board[p];
            if (s != Stone.Empty)
            {
                dst[(s == own ? StoneColour : StoneColour + 1) * n + p] = 1f;
                int at = go.MoveNumberAt(p);
                int turns = at < 0 ? 8 : moveNumber - at + 1;
                dst[(TurnsSince + OneHot(turns, 1)) * n + p] = 1f;
                dst[(Liberties + OneHot(board.Liberties(p), 1)) * n + p] = 1f;
                continue;
            }
            dst[(StoneColour + 2) * n + p] = 1f;
            if (!go.IsLegal(own, p)) continue;
            MoveEffect e = tactics.Analyze(board, own, p);
            dst[(CaptureSize + OneHot(e.Captures, 0)) * n + p] = 1f;
            if (e.SelfAtariSize > 0) dst[(SelfAtariSize + OneHot(e.SelfAtariSize, 1)) * n + p] = 1f;
            dst[(LibertiesAfterMove + OneHot(e.Liberties, 1)) * n + p] = 1f;
            if (ladders.IsLadderCapture(board, own, p)) dst[LadderCapture * n + p] = 1f;
            if (ladders.IsLadderEscape(board, own, p)) dst[LadderEscape * n + p] = 1f;
            if (!board.IsOnePointEye(own, p)) dst[Sensibleness * n + p] = 1f;
        }
    }

    /// <summary>Plane index 0..7 of value v in a one-hot group starting at value <paramref name="first"/>.</summary>
    private static int OneHot(int v, int first) => Math.Clamp(v - first, 0, 7);
}
