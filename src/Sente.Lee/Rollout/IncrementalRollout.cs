using Sente.Go;

namespace Sente.Lee.Rollout;

/// <summary>
/// The rollout policy of <see cref="RolloutPolicy"/> with incremental move selection: the same distribution
/// p(a) ∝ exp(Σ w_f over a's active <see cref="RolloutFeatures"/>) over the same candidates, but each point's
/// exp-logit for each colour is cached and only the points whose features may have changed are recomputed after
/// a move. Features split into two parts:
/// <list type="bullet">
/// <item>Per point and colour, cached: candidacy (empty, not suicide, not an own one-point eye when
/// <see cref="RolloutPolicy.SkipOwnEyes"/>), the 3x3 pattern and save-atari. They depend on the 8 neighbours' stones
/// and on the liberty counts (1, 2 or more) of adjacent chains, so a move recomputes the 8-neighbourhoods of the
/// stone placed and of every stone removed, plus the liberties of adjacent chains whose liberty count is or was
/// at most 2, and of every chain next to a capture.</item>
/// <item>Response features (response, neighbour, 12-point diamond pattern) touch at most 12 points around the
/// previous move; they and the simple-ko point are applied as overrides at selection time.</item>
/// </list>
/// Sampling uses per-row sums of the cached weights (O(Size) per selection). Weights are exponentiated once into
/// tables at construction (<see cref="RefreshWeights"/> after changing <see cref="RolloutPolicy.Weights"/>); logits
/// are not shifted by their maximum, so weights must stay well inside ±300 (trained weights are within ±20).
/// Nothing is allocated per move. The class owns its <see cref="Board"/>; not thread-safe (one instance per thread).
/// </summary>
public sealed partial class IncrementalRollout
{
    // Same orders as RolloutFeatures: the 8-ring N, NE, E, SE, S, SW, W, NW and the 12-point diamond.
    private static readonly (int Dx, int Dy)[] Ring = { (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1), (-1, 0), (-1, 1) };
    private static readonly (int Dx, int Dy)[] DiamondPoints =
        { (0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (1, -1), (-1, -1), (-1, 1), (0, 2), (2, 0), (0, -2), (-2, 0) };
    private const int PatternCount = RolloutFeatures.PatternCount;

    private readonly RolloutPolicy policy;
    private readonly double[] expPattern = new double[2 * PatternCount]; // [colour][absolute pattern], colour 0 = Black
    private readonly double[] expDiamond = new double[1 << RolloutFeatures.DiamondBits];
    private readonly double[] expNeighbour = new double[8];
    private double expResponse, expSaveAtari;
    // Point state relative to colour index ci: RelState[ci * 4 + absolute], absolute 0 empty, 1 black, 2 white, 3 off.
    private static readonly int[] RelState = { 0, 1, 2, 3, 0, 2, 1, 3 };

    private Board board;
    private int size, n;
    private int[] ring = [];          // n * 8: ring neighbours, -1 off board
    private int[] diamond = [];       // n * 12: diamond points, -1 off board
    private int[] row = [];           // n: y
    private double[] weight = [];     // 2n: colour's cached exp-logit at the point, 0 when not a candidate
    private bool[] candidate = [];    // 2n
    private double[] rowSum = [];     // 2 * size
    private readonly int[] candidates = new int[2];
    private int[] mark = [];          // n: dirty stamp per point
    private int markStamp;
    private int[] dirty = [];
    private int dirtyCount;
    private int[] chainMark = [];     // n: chain heads already expanded this move
    private bool[] rowDirty = [];
    private int[] overrideStamp = []; // n: selection-time override stamp
    private double[] overrideValue = [];
    private int overrideGen;
    private double[] rows = [];
    private readonly List<int> removed = new(64);
    private readonly List<int> liberties = new(64);
    private MoveTactics tactics;

    /// <summary>An incremental selector for <paramref name="policy"/> on an empty board of <paramref name="boardSize"/>.</summary>
    public IncrementalRollout(RolloutPolicy policy, int boardSize)
    {
        this.policy = policy;
        board = new Board(boardSize);
        tactics = new MoveTactics(boardSize);
        RefreshWeights();
        Resize(boardSize);
        Reset(board);
    }

    /// <summary>The board (owned; change it only through <see cref="Play"/> and <see cref="Reset"/>).</summary>
    public Board Board => board;

    /// <summary>The policy whose weights were last exponentiated.</summary>
    public RolloutPolicy Policy => policy;

    /// <summary>Re-reads <see cref="RolloutPolicy.Weights"/> (after training) and rescores every point.</summary>
    public void RefreshWeights()
    {
        float[] w = policy.Weights;
        for (int abs = 0; abs < PatternCount; abs++)
        {
            int swapped = 0;
            for (int i = 0; i < 8; i++) swapped |= RelState[4 + ((abs >> (2 * i)) & 3)] << (2 * i);
            expPattern[abs] = Math.Exp(w[RolloutFeatures.Pattern3x3 + abs]);
            expPattern[PatternCount + abs] = Math.Exp(w[RolloutFeatures.Pattern3x3 + swapped]);
        }
        for (int i = 0; i < expDiamond.Length; i++) expDiamond[i] = Math.Exp(w[RolloutFeatures.Diamond + i]);
        for (int i = 0; i < 8; i++) expNeighbour[i] = Math.Exp(w[RolloutFeatures.Neighbour + i]);
        expResponse = Math.Exp(w[RolloutFeatures.Response]);
        expSaveAtari = Math.Exp(w[RolloutFeatures.SaveAtari]);
        if (n > 0) Reset(board);
    }

    /// <summary>Copies <paramref name="position"/> (any size; it may be this instance's own <see cref="Board"/>) and
    /// scores every point from scratch.</summary>
    public void Reset(Board position)
    {
        if (position.Size != size) Resize(position.Size);
        if (!ReferenceEquals(position, board)) board.CopyFrom(position);
        candidates[0] = candidates[1] = 0;
        Array.Clear(candidate);
        Array.Clear(weight);
        for (int p = 0; p < n; p++) Score(p);
        for (int r = 0; r < size; r++) SumRow(r);
    }

    private void Resize(int s)
    {
        size = s;
        n = s * s;
        if (board.Size != s) board = new Board(s);
        tactics = new MoveTactics(s);
        ring = new int[n * 8];
        diamond = new int[n * 12];
        row = new int[n];
        for (int p = 0; p < n; p++)
        {
            int x = p % s, y = p / s;
            row[p] = y;
            for (int i = 0; i < 8; i++) ring[p * 8 + i] = On(x + Ring[i].Dx, y + Ring[i].Dy);
            for (int i = 0; i < 12; i++) diamond[p * 12 + i] = On(x + DiamondPoints[i].Dx, y + DiamondPoints[i].Dy);
        }
        weight = new double[2 * n];
        candidate = new bool[2 * n];
        rowSum = new double[2 * s];
        rows = new double[s];
        mark = new int[n];
        markStamp = 0;
        dirty = new int[n];
        chainMark = new int[n];
        rowDirty = new bool[s];
        overrideStamp = new int[n];
        overrideValue = new double[n];
        overrideGen = 0;
        int On(int x, int y) => (uint)x < (uint)s && (uint)y < (uint)s ? y * s + x : -1;
    }

    /// <summary>
    /// Plays <paramref name="color"/> at <paramref name="point"/> (captures; a multi-stone suicide is allowed, a
    /// single-stone suicide or an occupied point throws) or passes (the pass index: nothing changes) and updates the
    /// cached scores of every point whose features may have changed.
    /// </summary>
    public void Play(Stone color, int point)
    {
        if (point == n) return;
        // Liberty counts of the own chains the stone will join (a set change of a small chain matters).
        int minOwnBefore = int.MaxValue;
        foreach (int q in board.Neighbors(point))
            if (board[q] == color) minOwnBefore = Math.Min(minOwnBefore, board.Liberties(q));
        removed.Clear();
        board.Place(color, point, allowSuicide: true, removed);

        if (++markStamp == int.MaxValue) { Array.Clear(mark); Array.Clear(chainMark); markStamp = 1; }
        dirtyCount = 0;
        MarkAround(point);
        foreach (int r in removed) MarkAround(r);
        if (board[point] != Stone.Empty)
        {
            int libs = board.Liberties(point);
            if (libs <= 2 || minOwnBefore <= 2) MarkLiberties(point);
            foreach (int q in board.Neighbors(point))
                if (board[q] == color.Opponent() && board.Liberties(q) <= 2) MarkLiberties(q);
        }
        foreach (int r in removed)
            foreach (int q in board.Neighbors(r))
                if (board[q] != Stone.Empty) MarkLiberties(q);

        for (int i = 0; i < dirtyCount; i++)
        {
            int p = dirty[i];
            Score(p);
            rowDirty[row[p]] = true;
        }
        for (int r = 0; r < size; r++)
            if (rowDirty[r]) { rowDirty[r] = false; SumRow(r); }
    }

    private void MarkAround(int p)
    {
        Mark(p);
        int b = p * 8;
        for (int i = 0; i < 8; i++)
        {
            int q = ring[b + i];
            if (q >= 0) Mark(q);
        }
    }

    private void MarkLiberties(int stone)
    {
        int head = board.ChainId(stone);
        if (chainMark[head] == markStamp) return;
        chainMark[head] = markStamp;
        liberties.Clear();
        board.ChainLiberties(stone, liberties);
        foreach (int l in liberties) Mark(l);
    }

    private void Mark(int p)
    {
        if (mark[p] == markStamp) return;
        mark[p] = markStamp;
        dirty[dirtyCount++] = p;
    }

    /// <summary>Recomputes both colours' candidacy and cached exp-logit (3x3 pattern, save-atari) at <paramref name="p"/>:
    /// one pass over the orthogonal neighbours answers suicide, eye and atari questions for both colours.</summary>
    private void Score(int p)
    {
        bool black = false, white = false;
        double wb = 0, ww = 0;
        ReadOnlySpan<Stone> stones = board.Stones;
        if (stones[p] == Stone.Empty)
        {
            bool anyEmpty = false, allBlack = true, allWhite = true;
            bool blackBreathes = false, whiteBreathes = false, blackAtari = false, whiteAtari = false;
            foreach (int q in board.Neighbors(p))
            {
                Stone s = stones[q];
                if (s == Stone.Empty) { anyEmpty = true; allBlack = allWhite = false; continue; }
                bool atari = board.Liberties(q) == 1;
                if (s == Stone.Black)
                {
                    allWhite = false;
                    if (atari) { blackAtari = true; whiteBreathes = true; } else blackBreathes = true;
                }
                else
                {
                    allBlack = false;
                    if (atari) { whiteAtari = true; blackBreathes = true; } else whiteBreathes = true;
                }
            }
            // Not suicide (Board.IsSuicide) and, with SkipOwnEyes, not an own one-point eye (Board.IsOnePointEye).
            black = (anyEmpty || blackBreathes) && !(allBlack && policy.SkipOwnEyes && board.IsOnePointEye(Stone.Black, p));
            white = (anyEmpty || whiteBreathes) && !(allWhite && policy.SkipOwnEyes && board.IsOnePointEye(Stone.White, p));
            if (black || white)
            {
                int pattern = 0, b = p * 8;
                for (int k = 0; k < 8; k++)
                {
                    int q = ring[b + k];
                    pattern |= (q < 0 ? 3 : (int)stones[q]) << (2 * k);
                }
                if (black)
                {
                    wb = expPattern[pattern];
                    if (blackAtari && tactics.Analyze(board, Stone.Black, p).Liberties >= 2) wb *= expSaveAtari;
                }
                if (white)
                {
                    ww = expPattern[PatternCount + pattern];
                    if (whiteAtari && tactics.Analyze(board, Stone.White, p).Liberties >= 2) ww *= expSaveAtari;
                }
            }
        }
        if (candidate[p] != black) candidates[0] += black ? 1 : -1;
        if (candidate[n + p] != white) candidates[1] += white ? 1 : -1;
        candidate[p] = black;
        candidate[n + p] = white;
        weight[p] = wb;
        weight[n + p] = ww;
    }

    private void SumRow(int r)
    {
        for (int ci = 0; ci < 2; ci++)
        {
            double s = 0;
            int b = ci * n + r * size;
            for (int x = 0; x < size; x++) s += weight[b + x];
            rowSum[ci * size + r] = s;
        }
    }
}
