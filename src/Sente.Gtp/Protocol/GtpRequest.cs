using System.Globalization;
using System.Text;

namespace Sente.Gtp.Protocol;

/// <summary>One GTP command after preprocessing: optional numeric id, command name and arguments
/// (GTP v2 section 2.4-2.9). Names are case-sensitive as in the reference implementation (GNU Go);
/// colours and vertices in the arguments are case-insensitive and parsed by the command.</summary>
public sealed record GtpRequest(int? Id, string Name, IReadOnlyList<string> Args)
{
    /// <summary>
    /// Applies GTP preprocessing to one input line: removes control characters other than HT and LF
    /// (CR included), cuts everything from the first '#', turns HT into a space. Returns the cleaned line,
    /// which is empty (whitespace only) when the line must be ignored.
    /// </summary>
    public static string Preprocess(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (c == '#') break;
            if (c == '\t') sb.Append(' ');
            else if (c == '\n' || !char.IsControl(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Parses one raw input line. Returns false with <paramref name="request"/> null and
    /// <paramref name="error"/> null when the line is empty after preprocessing (to be ignored);
    /// false with an error message when the line is malformed (a lone id, an id out of range);
    /// true with the request otherwise. <paramref name="id"/> is the id when one was read, even on error.
    /// </summary>
    public static bool TryParse(string line, out GtpRequest? request, out int? id, out string? error)
    {
        request = null;
        error = null;
        id = null;
        string[] words = Preprocess(line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        int first = 0;
        if (char.IsAsciiDigit(words[0][0]))
        {
            if (!int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                error = $"invalid command id '{words[0]}'";
                return false;
            }
            id = parsed;
            first = 1;
            if (words.Length == 1)
            {
                error = "missing command name after id";
                return false;
            }
        }
        request = new GtpRequest(id, words[first], words[(first + 1)..]);
        return true;
    }

    /// <summary>The command as one line (id, name, arguments separated by single spaces).</summary>
    public override string ToString()
    {
        string head = Id is int i ? $"{i} {Name}" : Name;
        return Args.Count == 0 ? head : head + " " + string.Join(' ', Args);
    }
}
