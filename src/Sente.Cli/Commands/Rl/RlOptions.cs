using System.Globalization;
using Spectre.Console;

namespace Sente.Cli.Commands.Rl;

/// <summary>Checks and formatting shared by the `sente rl` subcommands (common options: <see cref="RlSubcommand"/>).</summary>
internal static class RlOptions
{
    /// <summary>Throws a CLI error unless <paramref name="value"/> is positive.</summary>
    public static int RequirePositive(int value, string option) =>
        value > 0 ? value : throw new CliException($"{option} must be positive (got {value})");

    /// <summary>Creates the output folder (a clear error if that fails) and returns its full path.</summary>
    public static string PrepareOut(string path)
    {
        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot create output folder '{path}': {e.Message}");
        }
    }

    /// <summary>A Spectre table of a value grid, row 0 first.</summary>
    public static Table Grid(double[,] values, string format = "0.0", Func<int, int, string>? cell = null)
    {
        var table = new Table().HideHeaders();
        int rows = values.GetLength(0), cols = values.GetLength(1);
        for (int c = 0; c < cols; c++) table.AddColumn(new TableColumn("").RightAligned());
        for (int r = 0; r < rows; r++)
            table.AddRow(Enumerable.Range(0, cols).Select(c => cell?.Invoke(r, c) ??
                values[r, c].ToString(format, CultureInfo.InvariantCulture)).ToArray());
        return table;
    }

    public static string F(double x, string format = "0.00") => x.ToString(format, CultureInfo.InvariantCulture);
}
