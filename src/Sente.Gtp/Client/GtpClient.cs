using System.Globalization;
using Sente.Go;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Client;

/// <summary>
/// Typed GTP commands over a connection (external process or in-process engine). Every command has a timeout
/// (<see cref="Timeout"/>; genmove uses <see cref="MoveTimeout"/>). Answers are checked: a "?" reply throws
/// <see cref="GtpCommandFailedException"/>, an unparsable answer <see cref="GtpProtocolException"/>.
/// Not thread-safe. Owns the connection.
/// </summary>
public sealed class GtpClient(IGtpConnection connection) : IDisposable
{
    public IGtpConnection Connection { get; } = connection;
    public string DisplayName => Connection.DisplayName;
    /// <summary>Timeout for ordinary commands.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Timeout for genmove and reg_genmove.</summary>
    public TimeSpan MoveTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>The board size last set with <see cref="BoardSize"/> (used to parse vertices).</summary>
    public int Size { get; private set; } = 19;

    /// <summary>Starts an external engine from a command line.</summary>
    public static GtpClient Start(string commandLine) => new(new GtpProcessConnection(commandLine));

    /// <summary>Sends a command and returns the success text; throws on "?".</summary>
    public string Send(string command) => Send(command, Timeout);

    public string Send(string command, TimeSpan timeout)
    {
        GtpResponse r = Connection.Send(command, timeout);
        if (!r.Success) throw new GtpCommandFailedException(DisplayName, command, r.Text);
        return r.Text;
    }

    public string Name() => Send("name");
    public string Version() => Send("version");
    public int ProtocolVersion() => ParseInt(Send("protocol_version"), "protocol_version");
    public bool KnownCommand(string name) => Send("known_command " + name).Trim() == "true";

    public void BoardSize(int size)
    {
        Send("boardsize " + size.ToString(CultureInfo.InvariantCulture));
        Size = size;
    }

    public void ClearBoard() => Send("clear_board");
    public void Komi(double komi) => Send("komi " + komi.ToString("0.0##", CultureInfo.InvariantCulture));
    public void Play(Stone color, int point) => Send($"play {ColorWord(color)} {Vertex.ToGtp(point, Size)}");

    /// <summary>genmove: the engine chooses and plays a move for <paramref name="color"/>. <paramref name="command"/>
    /// may name a variant with the same answer, such as kgs-genmove_cleanup (GNU Go then captures every dead stone
    /// before it passes, which Tromp-Taylor scoring needs).</summary>
    public MoveReply GenMove(Stone color, string command = "genmove") =>
        ParseMove(Send(command + " " + ColorWord(color), MoveTimeout), command);

    /// <summary>reg_genmove: the engine chooses a move without playing it.</summary>
    public MoveReply RegGenMove(Stone color) => ParseMove(Send("reg_genmove " + ColorWord(color), MoveTimeout), "reg_genmove");

    /// <summary>list_stones (GNU Go extension): the points holding <paramref name="color"/>'s stones, sorted.</summary>
    public SortedSet<int> ListStones(Stone color) => ParseVertices(Send("list_stones " + ColorWord(color)), "list_stones");

    /// <summary>all_legal (GNU Go extension): the points where <paramref name="color"/> may play (pass excluded), sorted.</summary>
    public SortedSet<int> AllLegal(Stone color) => ParseVertices(Send("all_legal " + ColorWord(color)), "all_legal");

    /// <summary>final_status_list dead|alive|seki: the stones with that status, sorted.</summary>
    public SortedSet<int> FinalStatusList(string status) => ParseVertices(Send("final_status_list " + status, MoveTimeout), "final_status_list");

    /// <summary>final_score: the engine's result string ("B+3.5", "W+0.5", "0"), checked for form.</summary>
    public string FinalScore()
    {
        string s = Send("final_score", MoveTimeout).Trim();
        if (!TryParseScore(s, out _))
            throw new GtpProtocolException($"engine '{DisplayName}' answered final_score with '{s}', not a result like B+3.5, W+0.5 or 0");
        return s;
    }

    /// <summary>Parses a GTP score "B+3.5" / "W+0.5" / "0" into black's margin (positive = black ahead).</summary>
    public static bool TryParseScore(string text, out double blackMargin)
    {
        blackMargin = 0;
        string t = text.Trim();
        if (t == "0") return true;
        if (t.Length < 3 || t[1] != '+' || t[0] is not ('B' or 'W' or 'b' or 'w')) return false;
        if (!double.TryParse(t[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out double m)) return false;
        blackMargin = t[0] is 'B' or 'b' ? m : -m;
        return true;
    }

    public static string ColorWord(Stone color) => color switch
    {
        Stone.Black => "black",
        Stone.White => "white",
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "a move needs a colour"),
    };

    private MoveReply ParseMove(string text, string command)
    {
        string t = text.Trim();
        if (t.Equals("resign", StringComparison.OrdinalIgnoreCase)) return MoveReply.Resignation;
        if (Vertex.TryParse(t, Size, out int point)) return MoveReply.At(point);
        throw new GtpProtocolException($"engine '{DisplayName}' answered {command} with '{t}', not a vertex of the {Size}x{Size} board, pass or resign");
    }

    private SortedSet<int> ParseVertices(string text, string command)
    {
        var set = new SortedSet<int>();
        foreach (string w in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Vertex.TryParse(w, Size, out int p) || p == Size * Size)
                throw new GtpProtocolException($"engine '{DisplayName}' answered {command} with '{w}', not a vertex of the {Size}x{Size} board");
            set.Add(p);
        }
        return set;
    }

    private int ParseInt(string text, string command) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw new GtpProtocolException($"engine '{DisplayName}' answered {command} with '{text}', not an integer");

    public void Dispose() => Connection.Dispose();
}
