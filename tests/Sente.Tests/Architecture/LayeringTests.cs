using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sente.Tests.Architecture;

/// <summary>
/// docs/ARCHITECTURE.md lists the projects lowest layer first. A project may reference only projects listed
/// before it; every project under src/ must be listed. This keeps the dependency direction honest.
/// </summary>
public partial class LayeringTests
{
    [GeneratedRegex(@"^\s*\d+\.\s+`(Sente\.[A-Za-z.]+)`", RegexOptions.Multiline)]
    private static partial Regex ListedProject();

    private static List<string> LayerOrder()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ARCHITECTURE.md"));
        return ListedProject().Matches(doc).Select(m => m.Groups[1].Value).ToList();
    }

    private static IEnumerable<string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories);

    [Fact]
    public void EveryProjectIsListedOnce()
    {
        List<string> order = LayerOrder();
        Assert.Equal(order.Count, order.Distinct().Count());
        foreach (string csproj in SourceProjects())
            Assert.Contains(Path.GetFileNameWithoutExtension(csproj), order);
    }

    [Fact]
    public void NoProjectReferencesAHigherLayer()
    {
        List<string> order = LayerOrder();
        var violations = new List<string>();
        foreach (string csproj in SourceProjects())
        {
            string name = Path.GetFileNameWithoutExtension(csproj);
            int layer = order.IndexOf(name);
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference"))
            {
                string target = Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/'));
                if (order.IndexOf(target) >= layer) violations.Add($"{name} -> {target}");
            }
        }
        Assert.True(violations.Count == 0, "upward references: " + string.Join(", ", violations));
    }

    [Fact]
    public void OnlyTheCliAndTheTestsCarryTorchNatives()
    {
        var carriers = Directory.GetFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<SenteCarriesNatives>true</SenteCarriesNatives>"))
            .Select(Path.GetFileNameWithoutExtension).OrderBy(n => n).ToList();
        Assert.Equal(new[] { "Sente.Cli", "Sente.Tests" }, carriers);
    }
}
