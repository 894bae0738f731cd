using System.CommandLine;
using System.Text;
using Sente.Cli;
using Sente.Cli.Composition.Players;
using Sente.Gtp.Players;
using Spectre.Console;

namespace Sente.Tests.Cli;

/// <summary>Every `./sente ...` line of README.md parses (commands, options, values) and its player specs resolve
/// through the one player catalog (without loading any network).</summary>
public class DocumentedCommandLinesTests
{
    public static TheoryData<string> ReadmeLines()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Sente.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        var lines = new TheoryData<string>();
        foreach (string line in File.ReadAllLines(Path.Combine(dir, "README.md")))
            if (line.StartsWith("./sente ", StringComparison.Ordinal)) lines.Add(line);
        return lines;
    }

    [Theory]
    [MemberData(nameof(ReadmeLines))]
    public void ParsesAndItsPlayerSpecsResolve(string line)
    {
        string[] args = Split(line)[1..];
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        ParseResult parse = SenteApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, console)).Parse(args);
        Assert.True(parse.Errors.Count == 0, $"{line}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        for (int i = 0; i + 1 < args.Length; i++)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--player" or "--a" or "--b":
                    PlayerCatalog.Default.Resolve(value);
                    break;
                case "--black" or "--white" when PlayerFactory.IsInternal(value):
                    PlayerCatalog.Default.Resolve(value[PlayerFactory.InternalPrefix.Length..]);
                    break;
                case "--players":
                    foreach (NamedPlayerSpec p in NamedPlayerSpec.ParseList(value, "test", 1)) PlayerCatalog.Default.Resolve(p.Spec);
                    break;
            }
        }
    }

    /// <summary>Shell words: double quotes group, an unquoted # after a space starts a comment.</summary>
    private static string[] Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"') { quoted = !quoted; any = true; }
            else if (!quoted && c == '#' && (i == 0 || line[i - 1] == ' ')) break;
            else if (!quoted && c == ' ')
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else { word.Append(c); any = true; }
        }
        if (any) words.Add(word.ToString());
        return [.. words];
    }
}
