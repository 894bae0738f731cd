using ScottPlot;

namespace Sente.Charts;

/// <summary>Headless PNG of a text table (header row, rows, aligned columns in a monospace face): a results table as
/// an image beside the Markdown. Written atomically. Stateless and thread-safe.</summary>
public static class TableChart
{
    /// <summary>The monospace face used for table cells.</summary>
    public const string FontName = "DejaVu Sans Mono";

    /// <summary>Saves <paramref name="rows"/> under <paramref name="header"/> as a PNG; every row must have as many
    /// cells as the header.</summary>
    public static void Save(string path, string title, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows,
                            float fontSize = 14)
    {
        if (header.Count == 0) throw new ArgumentException("a table needs at least one column");
        foreach (var r in rows)
            if (r.Count != header.Count) throw new ArgumentException($"a row has {r.Count} cells, the header {header.Count}");
        var widths = new int[header.Count];
        foreach (var r in rows.Prepend(header))
            for (int c = 0; c < r.Count; c++) widths[c] = Math.Max(widths[c], r[c].Length);
        string Line(IReadOnlyList<string> r) => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd();
        var lines = new List<string> { Line(header), new string('-', widths.Sum() + 2 * (widths.Length - 1)) };
        lines.AddRange(rows.Select(Line));

        var plot = new Plot();
        for (int i = 0; i < lines.Count; i++)
        {
            var text = plot.Add.Text(lines[i], 0, -i);
            text.LabelAlignment = Alignment.UpperLeft;
            text.LabelFontName = FontName;
            text.LabelFontSize = fontSize;
            text.LabelBold = i == 0;
        }
        plot.Title(title);
        plot.Axes.Title.Label.FontName = Chart.FontName;
        plot.HideAxesAndGrid();
        plot.Axes.SetLimits(0, 1, -lines.Count, 0.5);
        int chars = lines.Max(l => l.Length);
        int width = (int)(chars * fontSize * 0.62) + 80, height = (int)(lines.Count * fontSize * 1.75) + 110;
        // Text is anchored at x = 0 (left edge); the x range only has to keep it in view.
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }
}
