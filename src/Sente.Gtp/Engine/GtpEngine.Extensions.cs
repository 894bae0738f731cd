using System.Text;
using Sente.Go;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Engine;

// showboard, printsgf and GNU Go's inspection commands. Vertex lists are in GNU Go's order: rows from the top,
// columns from the left.
public sealed partial class GtpEngine
{
    private void RegisterExtensionCommands()
    {
        Register("showboard", a =>
        {
            ExpectCount(a, 0, "showboard");
            return "\n" + ShowBoard();
        });
        Register("list_stones", a =>
        {
            ExpectCount(a, 1, "list_stones <color>");
            Stone color = ParseColor(a[0]);
            return string.Join(' ', TopDownPoints().Where(p => _state.Board[p] == color).Select(V));
        });
        Register("all_legal", a =>
        {
            ExpectCount(a, 1, "all_legal <color>");
            Stone color = ParseColor(a[0]);
            return string.Join(' ', TopDownPoints().Where(p => _state.IsLegal(color, p)).Select(V));
        });
        Register("is_legal", a =>
        {
            ExpectCount(a, 2, "is_legal <color> <vertex>");
            Stone color = ParseColor(a[0]);
            int point = ParseVertex(a[1]);
            return _state.IsLegal(color, point) ? "1" : "0";
        });
        Register("captures", a =>
        {
            ExpectCount(a, 1, "captures <color>");
            return _state.Captures(ParseColor(a[0])).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        Register("printsgf", a =>
        {
            if (a.Count > 1) throw new GtpCommandException("syntax error (expected: printsgf [filename])");
            string sgf = Sgf.Write(ToRecord());
            if (a.Count == 0) return sgf.TrimEnd();
            try
            {
                Sgf.WriteFileAtomic(a[0], sgf);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new GtpCommandException($"cannot write file: {e.Message}");
            }
            return "";
        });
    }

    private IEnumerable<int> TopDownPoints()
    {
        int n = _state.Size;
        for (int y = n - 1; y >= 0; y--)
            for (int x = 0; x < n; x++)
                yield return y * n + x;
    }

    /// <summary>The game so far as a record (setup, moves, komi; result when two passes ended it).</summary>
    public GameRecord ToRecord()
    {
        var r = new GameRecord
        {
            Size = _state.Size,
            Komi = _komi,
            Rules = _options.Rules,
            Handicap = _handicap,
        };
        r.SetupBlack.AddRange(_setupBlack);
        r.SetupWhite.AddRange(_setupWhite);
        r.FirstToMove = _state.Moves.Count > 0 ? _state.Moves[0].Color : _firstToMove;
        r.Moves.AddRange(_state.Moves);
        if (_state.ConsecutivePasses >= 2) r.Result = _state.Score().ResultString;
        r.Properties["AP"] = $"{_options.Name}:{_options.Version}";
        return r;
    }

    private string ShowBoard()
    {
        int n = _state.Size;
        var sb = new StringBuilder();
        string letters = "   " + string.Join(' ', Vertex.Columns.Take(n));
        sb.Append(letters).Append('\n');
        for (int y = n - 1; y >= 0; y--)
        {
            sb.Append((y + 1).ToString().PadLeft(2)).Append(' ');
            for (int x = 0; x < n; x++)
            {
                if (x > 0) sb.Append(' ');
                sb.Append(_state.Board[y * n + x].ToChar());
            }
            sb.Append(' ').Append((y + 1).ToString());
            if (y == n - 1) sb.Append("     Black (X) has captured ").Append(_state.Captures(Stone.Black)).Append(" stones");
            if (y == n - 2) sb.Append("     White (O) has captured ").Append(_state.Captures(Stone.White)).Append(" stones");
            sb.Append('\n');
        }
        sb.Append(letters);
        return sb.ToString();
    }
}
