namespace Sente.Go;

/// <summary>
/// A Go position with its history: the board, whose turn, consecutive passes, the moves played, ko and superko
/// history, captures and komi, under a <see cref="Rules"/> record. Two IGameState views: the GTP-style API
/// (<see cref="Play"/> lets either colour move) and <see cref="Sente.Core.Games.IGameState"/> for algorithms.
/// <para>History: after every move the stones are snapshotted (an immutable array shared with clones), which makes
/// <see cref="Undo"/> and <see cref="BoardAgo"/> exact. Setup stones (<see cref="SetupStone"/>, handicap) change the
/// current position in place and are not moves.</para>
/// Not thread-safe; <see cref="Clone"/> for another thread.
/// </summary>
public sealed partial class GoState
{
    private readonly Board _board;
    private readonly List<(Stone Color, int Point)> _moves = [];
    private readonly List<Stone[]> _snapshots = [];   // stones after i moves
    private readonly List<ulong> _boardHashes = [];   // stone hash after i moves
    private readonly List<ulong> _situationHashes = []; // stone hash ^ side to move, after i moves
    private readonly List<UndoRecord> _undo = [];
    private readonly List<(int Point, int MoveNumber)> _removed = [];
    private readonly int[] _moveNumber;
    private readonly List<int> _scratch = [];
    private int _koPoint = -1;
    private Stone _koColor;
    private int _capturedByBlack, _capturedByWhite;

    private readonly record struct UndoRecord(int KoPoint, Stone KoColor, int Passes, Stone ToMove, int RemovedStart,
                                              int CapturedByBlack, int CapturedByWhite);

    /// <summary>An empty board, Black to move.</summary>
    public GoState(int size, double komi, Rules rules) : this(new GoGame(size, komi, rules)) { }

    internal GoState(GoGame game)
    {
        _game = game;
        Rules = game.Rules;
        Komi = game.Komi;
        _board = new Board(game.Size);
        _moveNumber = new int[_board.PointCount];
        Array.Fill(_moveNumber, -1);
        ToMove = Stone.Black;
        _snapshots.Add(new Stone[_board.PointCount]);
        _boardHashes.Add(0);
        _situationHashes.Add(SituationHash(0, Stone.Black));
    }

    private GoState(GoState o)
    {
        _game = o._game;
        Rules = o.Rules;
        Komi = o.Komi;
        _board = o._board.Clone();
        _moves.AddRange(o._moves);
        _snapshots.AddRange(o._snapshots);
        _boardHashes.AddRange(o._boardHashes);
        _situationHashes.AddRange(o._situationHashes);
        _undo.AddRange(o._undo);
        _removed.AddRange(o._removed);
        _moveNumber = (int[])o._moveNumber.Clone();
        _koPoint = o._koPoint;
        _koColor = o._koColor;
        _capturedByBlack = o._capturedByBlack;
        _capturedByWhite = o._capturedByWhite;
        ToMove = o.ToMove;
        ConsecutivePasses = o.ConsecutivePasses;
    }

    /// <summary>The current board. Read it freely; change it only through this state.</summary>
    public Board Board => _board;

    /// <summary>Side length.</summary>
    public int Size => _board.Size;

    /// <summary>The pass point, Size*Size.</summary>
    public int Pass => _board.Pass;

    /// <summary>Komi added to White's area.</summary>
    public double Komi { get; }

    /// <summary>Ko and suicide rules.</summary>
    public Rules Rules { get; }

    /// <summary>The colour to move next.</summary>
    public Stone ToMove { get; private set; }

    /// <summary>Passes at the end of the move list (two end the game).</summary>
    public int ConsecutivePasses { get; private set; }

    /// <summary>Moves played, in order (a pass has Point == Size*Size).</summary>
    public IReadOnlyList<(Stone Color, int Point)> Moves => _moves;

    /// <summary>The point the player to move may not play because of simple ko (an immediate single-stone
    /// recapture), or -1.</summary>
    public int SimpleKoPoint => _koPoint >= 0 && _koColor == ToMove ? _koPoint : -1;

    /// <summary>Opponent stones removed by <paramref name="color"/>'s moves (captures, and the other side's suicides).</summary>
    public int Captures(Stone color) => color == Stone.Black ? _capturedByBlack : _capturedByWhite;

    /// <summary>Full legality of <paramref name="color"/> playing <paramref name="point"/> (pass always legal).</summary>
    public bool IsLegal(Stone color, int point) => IsLegal(color, point, out _);

    /// <summary>Full legality with the reason when illegal: "off board", "occupied", "suicide", "ko" (immediate
    /// recapture of a single stone) or "superko" (repeats an earlier position under the rules' superko).</summary>
    public bool IsLegal(Stone color, int point, out string reason)
    {
        reason = "";
        if (color is not (Stone.Black or Stone.White)) throw new ArgumentOutOfRangeException(nameof(color), color, "Black or White");
        if (point == _board.Pass) return true;
        if ((uint)point > (uint)_board.Pass) { reason = "off board"; return false; }
        if (_board[point] != Stone.Empty) { reason = "occupied"; return false; }
        if (_board.IsSuicide(color, point) && !(Rules.AllowSuicide && _board.HasNeighbor(color, point)))
        {
            reason = "suicide";
            return false;
        }
        bool koPoint = point == _koPoint && color == _koColor;
        if (Rules.Ko == KoRule.Simple)
        {
            if (koPoint) { reason = "ko"; return false; }
            return true;
        }
        // Superko replaces the simple ko rule (an immediate recapture repeats the position when players alternate).
        ulong after = _board.HashAfter(color, point);
        bool repeats = Rules.Ko == KoRule.PositionalSuperko
            ? _boardHashes.Contains(after)
            : _situationHashes.Contains(SituationHash(after, color.Opponent()));
        if (repeats) { reason = koPoint ? "ko" : "superko"; return false; }
        return true;
    }

    /// <summary>Plays a move for <paramref name="color"/> (either colour, as GTP allows); then the opponent is to move.</summary>
    /// <exception cref="IllegalMoveException">The move is illegal; the message names the move and the reason.</exception>
    public void Play(Stone color, int point)
    {
        if (!IsLegal(color, point, out string reason))
            throw new IllegalMoveException(reason,
                $"illegal move {color} {((uint)point <= (uint)Pass ? Vertex.ToGtp(point, Size) : point.ToString())}: {reason}");
        _undo.Add(new UndoRecord(_koPoint, _koColor, ConsecutivePasses, ToMove, _removed.Count, _capturedByBlack, _capturedByWhite));
        if (point == Pass)
        {
            ConsecutivePasses++;
            _koPoint = -1;
            _snapshots.Add(_snapshots[^1]);
        }
        else
        {
            _scratch.Clear();
            _board.PlaceUnchecked(color, point, _scratch);
            _moveNumber[point] = _moves.Count + 1;
            int opponentStones = 0, ownStones = 0;
            Stone[] before = _snapshots[^1];
            foreach (int r in _scratch)
            {
                _removed.Add((r, _moveNumber[r]));
                _moveNumber[r] = -1;
                // Removed stones are captures, or after a multi-stone suicide the mover's own chain.
                if (r == point || before[r] == color) ownStones++; else opponentStones++;
            }
            if (color == Stone.Black) { _capturedByBlack += opponentStones; _capturedByWhite += ownStones; }
            else { _capturedByWhite += opponentStones; _capturedByBlack += ownStones; }
            ConsecutivePasses = 0;
            _koPoint = _board.KoPoint;
            _koColor = color.Opponent();
            _snapshots.Add(_board.Stones.ToArray());
        }
        _moves.Add((color, point));
        ToMove = color.Opponent();
        _boardHashes.Add(_board.Hash);
        _situationHashes.Add(SituationHash(_board.Hash, ToMove));
    }

    /// <summary>Sets the colour to move (GTP/SGF PL); the current position's situation hash follows.</summary>
    public void SetToMove(Stone color)
    {
        if (color is not (Stone.Black or Stone.White)) throw new ArgumentOutOfRangeException(nameof(color), color, "Black or White");
        ToMove = color;
        _situationHashes[^1] = SituationHash(_board.Hash, color);
    }

    /// <summary>Takes back the last move (a pass included).</summary>
    /// <exception cref="InvalidOperationException">No move to undo.</exception>
    public void Undo()
    {
        if (_moves.Count == 0) throw new InvalidOperationException("no move to undo");
        var (_, point) = _moves[^1];
        UndoRecord r = _undo[^1];
        _moves.RemoveAt(_moves.Count - 1);
        _undo.RemoveAt(_undo.Count - 1);
        _snapshots.RemoveAt(_snapshots.Count - 1);
        _boardHashes.RemoveAt(_boardHashes.Count - 1);
        _situationHashes.RemoveAt(_situationHashes.Count - 1);
        if (point != Pass)
        {
            _board.LoadStones(_snapshots[^1]);
            for (int i = r.RemovedStart; i < _removed.Count; i++) _moveNumber[_removed[i].Point] = _removed[i].MoveNumber;
            _removed.RemoveRange(r.RemovedStart, _removed.Count - r.RemovedStart);
            _moveNumber[point] = -1;
        }
        _koPoint = r.KoPoint;
        _koColor = r.KoColor;
        ConsecutivePasses = r.Passes;
        ToMove = r.ToMove;
        _capturedByBlack = r.CapturedByBlack;
        _capturedByWhite = r.CapturedByWhite;
    }

    /// <summary>The stones <paramref name="k"/> moves ago (k = 0: now); before the first move, the initial position.
    /// Shared, do not modify. Cheap: for the history planes of network encoders.</summary>
    public ReadOnlySpan<Stone> StonesAgo(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0) return _board.Stones;
        return _snapshots[Math.Max(0, _snapshots.Count - 1 - k)];
    }

    /// <summary>A new board with the position <paramref name="k"/> moves ago (k = 0: a copy of now); before the first
    /// move, the initial position.</summary>
    public Board BoardAgo(int k)
    {
        var b = new Board(Size);
        b.LoadStones(StonesAgo(k));
        return b;
    }

    /// <summary>The 1-based number of the move that put the stone now on <paramref name="point"/> (the last move played
    /// has MoveNumberAt == MoveNumber); -1 for an empty point or a setup stone.</summary>
    public int MoveNumberAt(int point) => _moveNumber[point];

    /// <summary>Sets a setup stone (SGF AB/AW/AE, free handicap) in the current position: no captures, not a move.</summary>
    public void SetupStone(int point, Stone s)
    {
        _board.SetStone(point, s);
        _moveNumber[point] = -1;
        _koPoint = -1;
        _snapshots[^1] = _board.Stones.ToArray();
        _boardHashes[^1] = _board.Hash;
        _situationHashes[^1] = SituationHash(_board.Hash, ToMove);
    }

    /// <summary>Places the GTP fixed handicap (<see cref="Handicap.FixedPoints"/>) as setup stones; White moves next.</summary>
    /// <exception cref="InvalidOperationException">The board is not empty or moves were played.</exception>
    public void PlaceFixedHandicap(int count)
    {
        if (_moves.Count > 0 || _board.EmptyCount != _board.PointCount)
            throw new InvalidOperationException("handicap stones need an empty board");
        foreach (int p in Handicap.FixedPoints(count, Size)) SetupStone(p, Stone.Black);
        SetToMove(Stone.White);
    }

    /// <summary>Tromp-Taylor area score of the current board with this state's komi.</summary>
    public AreaScore Score()
    {
        var (black, white) = _board.AreaCounts();
        return new AreaScore(black, white, Komi);
    }

    /// <summary>This game (initial position, moves, side to move) under another komi: for GTP `komi` mid-game.</summary>
    public GoState WithKomi(double komi) => Rebuild(komi, Rules);

    /// <summary>This game under other rules, moves replayed.</summary>
    /// <exception cref="IllegalMoveException">A move of the history is illegal under <paramref name="rules"/>.</exception>
    public GoState WithRules(Rules rules) => Rebuild(Komi, rules);

    // Replays the initial position (setup before the first move) and the moves; setup stones placed after the first
    // move are not part of the history and are not carried over.
    private GoState Rebuild(double komi, Rules rules)
    {
        var s = new GoState(Size, komi, rules);
        Stone[] initial = _snapshots[0];
        for (int p = 0; p < initial.Length; p++)
            if (initial[p] != Stone.Empty) s.SetupStone(p, initial[p]);
        s.SetToMove(_undo.Count > 0 ? _undo[0].ToMove : ToMove);
        foreach (var (color, point) in _moves) s.Play(color, point);
        if (s.ToMove != ToMove) s.SetToMove(ToMove);
        return s;
    }

    /// <summary>A deep copy (history included; snapshots are shared immutable arrays).</summary>
    public GoState Clone() => new(this);

    private static ulong SituationHash(ulong boardHash, Stone toMove) =>
        toMove == Stone.White ? boardHash ^ Zobrist.WhiteToMove : boardHash;
}
