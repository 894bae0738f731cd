using Sente.Go;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Engine;

// Board setup: boardsize, clear_board, komi, handicaps, loadsgf.
public sealed partial class GtpEngine
{
    private GoState _state;
    private double _komi;
    private readonly List<int> _setupBlack = [], _setupWhite = [];     // handicap / loadsgf setup stones
    private int _handicap;
    private Stone _firstToMove = Stone.Black;                          // who moves after the setup (handicap: White; SGF PL)

    private void RegisterSetupCommands()
    {
        Register("boardsize", a =>
        {
            ExpectCount(a, 1, "boardsize <size>");
            int size = ParseInt(a[0], "board size");
            if (size < 2 || size > _options.MaxBoardSize || !_generator.SupportsBoardSize(size)) throw new GtpCommandException("unacceptable size");
            NewGame(size);
            return "";
        });
        Register("clear_board", a =>
        {
            ExpectCount(a, 0, "clear_board");
            NewGame(_state.Size);
            return "";
        });
        Register("komi", a =>
        {
            ExpectCount(a, 1, "komi <float>");
            _komi = ParseFloat(a[0], "komi");
            ReplaceState(Rebuild(_state.Size, _komi, _setupBlack, _setupWhite, _state.Moves, _firstToMove), keepSetup: true);
            return "";
        });
        Register("fixed_handicap", a =>
        {
            ExpectCount(a, 1, "fixed_handicap <number_of_stones>");
            int n = ParseInt(a[0], "number of stones");
            RequireEmptyBoard();
            if (n < 2 || n > Handicap.MaxFixed(_state.Size)) throw new GtpCommandException("invalid number of stones");
            List<int> placed = [.. Handicap.FixedPoints(n, _state.Size)];
            SetHandicap(placed);
            return string.Join(' ', placed.Select(V));
        });
        Register("place_free_handicap", a =>
        {
            ExpectCount(a, 1, "place_free_handicap <number_of_stones>");
            int n = ParseInt(a[0], "number of stones");
            RequireEmptyBoard();
            if (n < 2 || n > _state.Size * _state.Size - 1) throw new GtpCommandException("invalid number of stones");
            List<int> points = FreeHandicapPoints(n);
            SetHandicap(points);
            return string.Join(' ', points.Select(V));
        });
        Register("set_free_handicap", a =>
        {
            RequireEmptyBoard();
            if (a.Count < 2 || a.Count > _state.Size * _state.Size - 1) throw new GtpCommandException("bad vertex list");
            var points = new List<int>();
            foreach (string w in a)
            {
                if (!Vertex.TryParse(w, _state.Size, out int p) || p == _state.Size * _state.Size || points.Contains(p))
                    throw new GtpCommandException($"bad vertex list ('{w}' is not a free point of the board)");
                points.Add(p);
            }
            SetHandicap(points);
            return "";
        });
        Register("loadsgf", a =>
        {
            if (a.Count is < 1 or > 2) throw new GtpCommandException("syntax error (expected: loadsgf <filename> [move_number])");
            int moveNumber = a.Count == 2 ? ParseInt(a[1], "move number") : int.MaxValue;
            if (moveNumber < 1) throw new GtpCommandException("syntax error: move number must be at least 1");
            LoadSgf(a[0], moveNumber);
            return "";
        });
    }

    private void RequireEmptyBoard()
    {
        for (int p = 0; p < _state.Size * _state.Size; p++)
            if (_state.Board[p] != Stone.Empty) throw new GtpCommandException("board not empty");
    }

    private void SetHandicap(List<int> points)
    {
        foreach (int p in points)
        {
            _state.SetupStone(p, Stone.Black);
            _setupBlack.Add(p);
        }
        _handicap = points.Count;
        _firstToMove = Stone.White;
        _state.SetToMove(Stone.White);
    }

    /// <summary>Free handicap: the fixed placement when the size has one for n; beyond that the largest fixed
    /// placement, then points off the first line chosen one by one as far as possible from the stones already
    /// chosen (ties: lowest point). GTP allows fewer stones than asked when more could not matter; we stop when
    /// the points off the first line are used up.</summary>
    private List<int> FreeHandicapPoints(int n)
    {
        int size = _state.Size;
        int max = Handicap.MaxFixed(size);
        if (n <= max) return [.. Handicap.FixedPoints(n, size)];
        List<int> chosen = max >= 2 ? [.. Handicap.FixedPoints(max, size)] : [];
        int edge = size >= 5 ? 1 : 0;
        var candidates = new List<int>();
        for (int y = edge; y < size - edge; y++)
            for (int x = edge; x < size - edge; x++)
                if (!chosen.Contains(y * size + x)) candidates.Add(y * size + x);
        while (chosen.Count < n && candidates.Count > 0)
        {
            int best = 0, bestDist = -1;
            for (int i = 0; i < candidates.Count; i++)
            {
                int d = chosen.Count == 0 ? 0 : chosen.Min(c => Dist2(c, candidates[i], size));
                if (d > bestDist) { bestDist = d; best = i; }
            }
            chosen.Add(candidates[best]);
            candidates.RemoveAt(best);
        }
        return chosen;
    }

    private static int Dist2(int a, int b, int size)
    {
        int dx = a % size - b % size, dy = a / size - b / size;
        return dx * dx + dy * dy;
    }

    private void NewGame(int size)
    {
        _setupBlack.Clear();
        _setupWhite.Clear();
        _handicap = 0;
        _firstToMove = Stone.Black;
        ReplaceState(new GoState(size, _komi, _options.Rules), keepSetup: false);
        _generator.NewGame();
    }

    private void ReplaceState(GoState state, bool keepSetup)
    {
        _state = state;
        if (!keepSetup) { _setupBlack.Clear(); _setupWhite.Clear(); }
    }

    /// <summary>A state with the given setup and moves replayed. Throws
    /// <see cref="GtpCommandException"/> naming the first illegal move.</summary>
    private GoState Rebuild(int size, double komi, IEnumerable<int> black, IEnumerable<int> white,
                            IEnumerable<(Stone Color, int Point)> moves, Stone firstToMove)
    {
        var s = new GoState(size, komi, _options.Rules);
        foreach (int p in black) s.SetupStone(p, Stone.Black);
        foreach (int p in white) s.SetupStone(p, Stone.White);
        s.SetToMove(firstToMove);
        int number = 0;
        foreach (var (color, point) in moves.ToList())
        {
            number++;
            if (!s.IsLegal(color, point, out string reason))
                throw new GtpCommandException($"move {number} ({color.ToLetter()} {Vertex.ToGtp(point, size)}) is illegal: {reason}");
            s.Play(color, point);
        }
        return s;
    }

    private void LoadSgf(string path, int moveNumber)
    {
        GameRecord record;
        try
        {
            List<GameRecord> games = Sgf.ReadCollection(Sgf.ReadFileText(path));
            if (games.Count == 0) throw new GtpCommandException($"cannot load file: '{path}' holds no game");
            record = games[0];
        }
        catch (IOException e) { throw new GtpCommandException($"cannot load file: {e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new GtpCommandException($"cannot load file: {e.Message}"); }
        catch (SgfException e) { throw new GtpCommandException($"cannot load file: {e.Message}"); }
        if (record.Size < 2 || record.Size > _options.MaxBoardSize) throw new GtpCommandException("cannot load file: unacceptable size");
        var moves = record.Moves.Take(moveNumber == int.MaxValue ? int.MaxValue : moveNumber - 1);
        GoState state;
        try
        {
            state = Rebuild(record.Size, record.Komi, record.SetupBlack, record.SetupWhite, moves, record.FirstToMove);
        }
        catch (GtpCommandException e)
        {
            throw new GtpCommandException($"cannot load file: {e.Message}");
        }
        _komi = record.Komi;
        _handicap = record.Handicap;
        _firstToMove = record.FirstToMove;
        _state = state;
        _setupBlack.Clear(); _setupBlack.AddRange(record.SetupBlack);
        _setupWhite.Clear(); _setupWhite.AddRange(record.SetupWhite);
        _generator.NewGame();
    }
}
