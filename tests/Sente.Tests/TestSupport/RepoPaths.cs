namespace Sente.Tests;

/// <summary>Locates the repository root (the folder holding Sente.sln) from the test binary's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A file of the repository's data folder (data/: the GNU Go games, the Hillstrom log).</summary>
    public static string Data(string relative) => Path.Combine(Root, "data", relative);

    /// <summary>A file copied next to the tests from tests/Sente.Tests/TestData.</summary>
    public static string TestData(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sente.sln"))) return dir.FullName;
        throw new InvalidOperationException("Sente.sln not found above " + AppContext.BaseDirectory);
    }
}
