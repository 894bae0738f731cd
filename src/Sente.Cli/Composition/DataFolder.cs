namespace Sente.Cli.Composition;

/// <summary>
/// The repository's data/ folder (README there), copied next to the `sente` binary by the build, so the default
/// data of a command is found from any working folder, in a clone or an installation.
/// </summary>
public static class DataFolder
{
    /// <summary>The data folder beside the running binary.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The GNU Go 9x9 games: the default SGF data of the `lee` commands.</summary>
    public static string GnuGo9x9 => Path.Combine(Root, "gnugo-9x9");

    /// <summary>The Hillstrom e-mail test log (gzip CSV).</summary>
    public static string Hillstrom => Path.Combine(Root, "hillstrom", "hillstrom.csv.gz");
}
