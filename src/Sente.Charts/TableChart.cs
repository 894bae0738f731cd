using ScottPlot;
using Sente.Core.IO;

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

        // Line i is drawn at y = -i - 2 from x = 0 (its upper left corner); the title sits above the table at y = 0.
        var plot = new Plot();
        var caption = plot.Add.Text(title, 0, 0);
        caption.LabelAlignment = Alignment.UpperLeft;
        caption.LabelFontName = Chart.FontName;
        caption.LabelFontSize = fontSize + 4;
        caption.LabelBold = true;
        for (int i = 0; i < lines.Count; i++)
        {
            var text = plot.Add.Text(lines[i], 0, -i - 2);
            text.LabelAlignment = Alignment.UpperLeft;
            text.LabelFontName = FontName;
            text.LabelFontSize = fontSize;
            text.LabelBold = i == 0;
        }
        plot.HideAxesAndGrid();
        plot.Layout.Frameless();
        int rowsDrawn = lines.Count + 3;
        int chars = Math.Max(lines.Max(l => l.Length), (int)(title.Length * 1.2));
        int width = (int)(chars * fontSize * 0.61) + 40, height = (int)(rowsDrawn * fontSize * 1.7) + 20;
        // Margins: 20 px left, 10 px top, in data units of the x range [left, 1] and y range [-rowsDrawn, top].
        double left = -20.0 / (width - 20), top = 10.0 * rowsDrawn / (height - 10);
        plot.Axes.SetLimits(left, 1, -rowsDrawn, top);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, width, height));
    }
}
