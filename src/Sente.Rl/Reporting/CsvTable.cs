using System.Globalization;
using System.Text;
using Sente.Charts;
using Sente.Core.IO;

namespace Sente.Rl.Reporting;

/// <summary>Writes numeric experiment results as CSV (invariant culture, header row), atomically.</summary>
public static class CsvTable
{
    /// <summary>Writes columns of equal length: one row per index, one column per name.</summary>
    public static void WriteColumns(string path, IReadOnlyList<string> names, IReadOnlyList<double[]> columns)
    {
        if (names.Count != columns.Count) throw new ArgumentException("one name per column");
        int rows = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != rows)) throw new ArgumentException("columns differ in length");
        var sb = new StringBuilder();
        sb.AppendJoin(',', names.Select(Quote)).Append('\n');
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0) sb.Append(',');
                sb.Append(columns[c][r].ToString("R", CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>Writes arbitrary rows of cells (already formatted) under a header.</summary>
    public static void WriteRows(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (var row in rows) sb.AppendJoin(',', row.Select(Quote)).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
