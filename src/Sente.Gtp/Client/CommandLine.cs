using System.Text;

namespace Sente.Gtp.Client;

/// <summary>Splits a command line into words like a POSIX shell does for the simple cases: whitespace separates
/// words, single quotes keep text literally, double quotes group text (backslash escapes '"' and '\' inside),
/// a backslash outside quotes escapes the next character. No variables, globbing or pipes.</summary>
public static class CommandLine
{
    /// <exception cref="FormatException">Unclosed quote, trailing backslash or no words.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < commandLine.Length; i++)
        {
            char c = commandLine[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                int end = commandLine.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException($"unclosed single quote in command line: {commandLine}");
                current.Append(commandLine, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                for (i++; ; i++)
                {
                    if (i >= commandLine.Length) throw new FormatException($"unclosed double quote in command line: {commandLine}");
                    char d = commandLine[i];
                    if (d == '"') break;
                    if (d == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\') d = commandLine[++i];
                    current.Append(d);
                }
            }
            else if (c == '\\')
            {
                if (i + 1 >= commandLine.Length) throw new FormatException($"trailing backslash in command line: {commandLine}");
                current.Append(commandLine[++i]);
            }
            else current.Append(c);
        }
        if (inWord) words.Add(current.ToString());
        if (words.Count == 0) throw new FormatException("empty command line");
        return words;
    }
}
