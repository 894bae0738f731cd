using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sente.Tests.Architecture;

/// <summary>
/// docs/ARCHITECTURE.md holds the table of allowed project references. Every project under src/ has a row; every
/// ProjectReference, every <c>using</c> of a Sente namespace and every fully qualified Sente name in code must be to
/// the project itself or to one its row allows. The checker is a pure function (<see cref="LayerRules"/>) so that a
/// test can feed it forbidden edges and see it fail.
/// </summary>
public class LayeringTests
{
    private static LayerRules Rules() =>
        LayerRules.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ARCHITECTURE.md")));

    private static IEnumerable<string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories);

    [Fact]
    public void EveryProjectHasARowAndEveryRowAProject()
    {
        LayerRules rules = Rules();
        var projects = SourceProjects().Select(p => Path.GetFileNameWithoutExtension(p)).OrderBy(n => n).ToList();
        Assert.Equal(projects, rules.Projects.OrderBy(n => n).ToList());
    }

    [Fact]
    public void NoProjectReferenceTheTableForbids()
    {
        LayerRules rules = Rules();
        var edges = new List<(string From, string To, string Where)>();
        foreach (string csproj in SourceProjects())
        {
            string name = Path.GetFileNameWithoutExtension(csproj);
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference"))
            {
                string target = Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/'));
                edges.Add((name, target, Path.GetFileName(csproj)));
            }
        }
        var violations = rules.Violations(edges);
        Assert.True(violations.Count == 0, "forbidden references: " + string.Join("; ", violations));
    }

    [Fact]
    public void NoSourceFileNamesANamespaceTheTableForbids()
    {
        LayerRules rules = Rules();
        var edges = new List<(string From, string To, string Where)>();
        foreach (string csproj in SourceProjects())
        {
            string name = Path.GetFileNameWithoutExtension(csproj);
            string dir = Path.GetDirectoryName(csproj)!;
            foreach (string file in SourceFiles(dir))
                foreach (string ns in LayerRules.SenteNamesUsed(File.ReadAllText(file)))
                    if (rules.ProjectOf(ns) is { } target)
                        edges.Add((name, target, $"{Path.GetRelativePath(RepoPaths.Root, file)}: {ns}"));
        }
        var violations = rules.Violations(edges);
        Assert.True(violations.Count == 0, "forbidden namespace uses: " + string.Join("; ", violations));
    }

    [Fact]
    public void TheSearchNamesNoGoConcept()
    {
        var hits = new List<string>();
        var goWords = new Regex(@"\b(GoState|GoGame|Board|Stone|Vertex|Komi|Sgf)\b");
        foreach (string file in SourceFiles(Path.Combine(RepoPaths.Root, "src", "Sente.Search")))
        {
            string code = LayerRules.StripCommentsAndStrings(File.ReadAllText(file));
            foreach (Match m in goWords.Matches(code)) hits.Add($"{Path.GetFileName(file)}: {m.Value}");
        }
        Assert.True(hits.Count == 0, "Go vocabulary in Sente.Search: " + string.Join(", ", hits));
    }

    [Fact]
    public void TheCheckerFailsOnEveryEdgeTheIssueNamesAsForbidden()
    {
        LayerRules rules = Rules();
        (string, string)[] forbidden =
        [
            ("Sente.Search", "Sente.Go"), ("Sente.Search", "Sente.Games"), ("Sente.Gtp", "Sente.Nn"),
            ("Sente.Nn", "Sente.Gtp"), ("Sente.Nn", "Sente.Cli"), ("Sente.Nn", "Sente.Go"), ("Sente.Core", "Sente.Go"),
            ("Sente.Go", "Sente.Games"), ("Sente.Games", "Sente.Go"), ("Sente.Training", "Sente.Lee"),
            ("Sente.Rl", "Sente.Go"), ("Sente.Rl", "Sente.Search"), ("Sente.Gtp", "Sente.Cli"),
        ];
        foreach (var (from, to) in forbidden)
        {
            var violations = rules.Violations([(from, to, "test edge")]);
            Assert.True(violations.Count == 1, $"{from} -> {to} should be forbidden");
            Assert.Contains($"{from} -> {to}", violations[0]);
        }
        Assert.Empty(rules.Violations([("Sente.Lee", "Sente.Nn", "ok"), ("Sente.Cli", "Sente.Gtp", "ok"), ("Sente.Go", "Sente.Go", "self")]));
        // An unknown project is a violation too: a new project must get a row before anything may reference it.
        Assert.Single(rules.Violations([("Sente.Cli", "Sente.Unlisted", "new")]));
    }

    [Fact]
    public void TheCheckerSeesAForbiddenUsingInSourceText()
    {
        LayerRules rules = Rules();
        const string source = """
            using Sente.Core;
            using Sente.Go.Features; // a comment naming Sente.Cli is not a use
            using static Sente.Nn.TorchRuntime;
            using GoRecord = Sente.Go.GameRecord;
            namespace Sente.Search;
            /// <summary>See Sente.Gtp.GtpEngine.</summary>
            class X { string s = "Sente.Cli is a string"; object o = new Sente.Games.TicTacToe(); }
            """;
        var used = LayerRules.SenteNamesUsed(source).Select(n => rules.ProjectOf(n)).Distinct().OrderBy(n => n).ToList();
        Assert.Equal(new[] { "Sente.Core", "Sente.Games", "Sente.Go", "Sente.Nn" }, used);
        var violations = rules.Violations(used.Select(to => ("Sente.Search", to!, "source")));
        Assert.Equal(3, violations.Count);
    }

    [Fact]
    public void OnlyTheCliAndTheTestsCarryTorchNatives()
    {
        var carriers = Directory.GetFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<SenteCarriesNatives>true</SenteCarriesNatives>"))
            .Select(Path.GetFileNameWithoutExtension).OrderBy(n => n).ToList();
        Assert.Equal(new[] { "Sente.Cli", "Sente.Tests" }, carriers);
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}

/// <summary>The allowed-references table of docs/ARCHITECTURE.md and the check against it.</summary>
public sealed partial class LayerRules
{
    private readonly Dictionary<string, HashSet<string>> _allowed;

    private LayerRules(Dictionary<string, HashSet<string>> allowed) => _allowed = allowed;

    /// <summary>The projects that have a row.</summary>
    public IReadOnlyCollection<string> Projects => _allowed.Keys;

    [GeneratedRegex(@"^\|\s*`(Sente\.[A-Za-z.]+)`\s*\|\s*(.*?)\s*\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"`(Sente\.[A-Za-z.]+)`")]
    private static partial Regex Quoted();

    /// <summary>Reads the rows "| `Sente.X` | `Sente.Y`, `Sente.Z` |"; "every project above" allows every earlier row.</summary>
    public static LayerRules Parse(string markdown)
    {
        var allowed = new Dictionary<string, HashSet<string>>();
        foreach (Match row in Row().Matches(markdown))
        {
            string project = row.Groups[1].Value;
            string cell = row.Groups[2].Value;
            var targets = cell.Contains("every project above", StringComparison.Ordinal)
                ? allowed.Keys.ToHashSet()
                : Quoted().Matches(cell).Select(m => m.Groups[1].Value).ToHashSet();
            if (!allowed.TryAdd(project, targets)) throw new InvalidDataException($"{project} has two rows");
        }
        if (allowed.Count == 0) throw new InvalidDataException("no allowed-references table found");
        return new LayerRules(allowed);
    }

    /// <summary>The project whose namespace <paramref name="name"/> is in (longest matching project name), or null
    /// for a name of no listed project.</summary>
    public string? ProjectOf(string name) =>
        _allowed.Keys.Where(p => name == p || name.StartsWith(p + ".", StringComparison.Ordinal))
            .OrderByDescending(p => p.Length).FirstOrDefault() ?? (name.StartsWith("Sente.", StringComparison.Ordinal) ? Root(name) : null);

    private static string Root(string name) => string.Join('.', name.Split('.').Take(2));

    /// <summary>One line per edge the table does not allow (an unknown source or target is never allowed).</summary>
    public List<string> Violations(IEnumerable<(string From, string To, string Where)> edges)
    {
        var result = new List<string>();
        foreach (var (from, to, where) in edges)
        {
            if (from == to) continue;
            if (_allowed.TryGetValue(from, out var targets) && targets.Contains(to)) continue;
            result.Add($"{from} -> {to} ({where})");
        }
        return result;
    }

    [GeneratedRegex(@"\bSente(?:\.[A-Z][A-Za-z0-9]*)+")]
    private static partial Regex SenteName();

    /// <summary>The Sente names a source file uses in code (usings, aliases, static usings, qualified names);
    /// comments and string literals are ignored, and the file's own namespace declaration is not a use.</summary>
    public static IEnumerable<string> SenteNamesUsed(string source)
    {
        string code = StripCommentsAndStrings(source);
        code = Regex.Replace(code, @"^\s*namespace\s+[\w.]+\s*;", "", RegexOptions.Multiline);
        return SenteName().Matches(code).Select(m => m.Value).Distinct();
    }

    /// <summary>The source with // and /* */ comments and string and char literals blanked out.</summary>
    public static string StripCommentsAndStrings(string source) =>
        Regex.Replace(source,
            @"//[^\n]*|/\*.*?\*/|""""""[\s\S]*?""""""|@""(?:[^""]|"""")*""|\$?""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'",
            m => m.Value.StartsWith("//", StringComparison.Ordinal) || m.Value.StartsWith("/*", StringComparison.Ordinal) ? " " : "\"\"",
            RegexOptions.Singleline);
}
