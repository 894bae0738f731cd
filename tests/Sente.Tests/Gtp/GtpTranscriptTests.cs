using System.Text;
using Sente.Gtp.Engine;
using Sente.Gtp.Players;

namespace Sente.Tests.Gtp;

/// <summary>
/// Golden GTP transcripts (TestData/gtp/*.txt): lines starting with "> " are sent to a fresh engine
/// (`sente:random`, seed 1, Version "test", 19x19, komi 7.5) one by one; the lines after each, up to the next
/// "> ", are the exact expected output (responses end with a blank line). In input lines "\t", "\r" and "\a"
/// stand for TAB, CR and BEL, and $TESTDATA for the TestData folder. Lines before the first "> " are comments.
/// Regenerate after an intended change: SENTE_REGENERATE_GOLDEN=1 dotnet test tests/Sente.Tests -c Release
/// --filter "FullyQualifiedName~GtpTranscriptTests" (rewrites the files in the source tree), then review the diff.
/// </summary>
public class GtpTranscriptTests
{
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(RepoPaths.TestData("gtp"), "*.txt").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void TranscriptMatches(string file)
    {
        string path = RepoPaths.TestData(Path.Combine("gtp", file));
        var (header, steps) = Read(File.ReadAllText(path));
        Assert.NotEmpty(steps);
        var engine = new GtpEngine(new RandomMoveGenerator(1), new GtpEngineOptions { Version = "test" });
        var actual = new List<(string Input, string Output)>();
        string testData = RepoPaths.TestData("").TrimEnd('/');
        foreach (var (input, _) in steps)
        {
            string line = input.Replace("\\t", "\t").Replace("\\r", "\r").Replace("\\a", "\a").Replace("$TESTDATA", testData);
            actual.Add((input, (engine.ProcessLine(line) ?? "").Replace(testData, "$TESTDATA")));
        }
        if (Environment.GetEnvironmentVariable("SENTE_REGENERATE_GOLDEN") == "1")
        {
            string source = Path.Combine(RepoPaths.Root, "tests", "Sente.Tests", "TestData", "gtp", file);
            File.WriteAllText(source, Write(header, actual));
            return;
        }
        for (int i = 0; i < steps.Count; i++)
            Assert.True(steps[i].Expected == actual[i].Output,
                $"{file}: after '> {steps[i].Input}'\nexpected:\n{steps[i].Expected}\nactual:\n{actual[i].Output}");
    }

    [Fact]
    public void TranscriptsCoverEveryCommandAndErrors()
    {
        var engine = new GtpEngine(new RandomMoveGenerator(1));
        var sent = new HashSet<string>();
        int errors = 0;
        foreach (string f in Directory.GetFiles(RepoPaths.TestData("gtp"), "*.txt"))
        {
            var (_, steps) = Read(File.ReadAllText(f));
            foreach (var (input, expected) in steps)
            {
                string[] words = input.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) continue;
                sent.Add(char.IsAsciiDigit(words[0][0]) && words.Length > 1 ? words[1] : words[0]);
                if (expected.StartsWith('?')) errors++;
            }
        }
        string[] missing = engine.CommandNames.Where(c => !sent.Contains(c)).ToArray();
        Assert.True(missing.Length == 0, "commands without a transcript: " + string.Join(", ", missing));
        Assert.True(errors >= 20, $"only {errors} error cases in the transcripts");
    }

    private static (string Header, List<(string Input, string Expected)> Steps) Read(string text)
    {
        var header = new StringBuilder();
        var steps = new List<(string, string)>();
        string? input = null;
        var expected = new StringBuilder();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        // The empty piece after the file's last newline is not a line.
        foreach (string line in text.EndsWith('\n') ? lines[..^1] : lines)
        {
            if (line.StartsWith("> "))
            {
                if (input is not null) steps.Add((input, expected.ToString()));
                input = line[2..];
                expected.Clear();
            }
            else if (input is null) header.Append(line).Append('\n');
            else expected.Append(line).Append('\n');
        }
        if (input is not null) steps.Add((input, expected.ToString()));
        return (header.ToString(), steps);
    }

    private static string Write(string header, List<(string Input, string Output)> steps)
    {
        var sb = new StringBuilder(header);
        foreach (var (input, output) in steps) sb.Append("> ").Append(input).Append('\n').Append(output);
        return sb.ToString();
    }
}
