using ScottPlot;
using Sente.Core.IO;

namespace Sente.Charts;

/// <summary>Where a chart's legend goes.</summary>
public enum LegendCorner { LowerRight, LowerLeft, UpperRight, UpperLeft }

/// <summary>
/// Headless PNG charts for experiment reports. Text uses "DejaVu Sans" (ScottPlot's default font resolves to a
/// serif face on Linux servers). Files are written atomically. Stateless and thread-safe.
/// </summary>
public static class Chart
{
    /// <summary>The font every chart uses.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Saves a line chart with one line per series and a legend.</summary>
    /// <param name="yRange">Optional fixed y axis limits (min, max); null = automatic.</param>
    public static void SaveLines(string path, string title, string xLabel, string yLabel,
                                 IReadOnlyList<LineSeries> series, int width = 900, int height = 560,
                                 (double Min, double Max)? yRange = null, LegendCorner legend = LegendCorner.LowerRight,
                                 ChartStyle? style = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(series.Count);
        style ??= ChartStyle.Default;
        var plot = new Plot();
        foreach (ReferenceLine reference in style.ReferenceLines ?? [])
        {
            var h = plot.Add.HorizontalLine(reference.Y);
            h.LegendText = reference.Label;
            h.LinePattern = LinePattern.Dashed;
            h.LineWidth = 1.5f;
            h.Color = Colors.Gray;
        }
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
        int index = 0;
        foreach (LineSeries s in series)
        {
            if (s.X.Length != s.Y.Length)
                throw new ArgumentException($"series '{s.Label}': {s.X.Length} x values but {s.Y.Length} y values");
            var line = plot.Add.ScatterLine(s.X, s.Y);
            line.LegendText = s.Label;
            line.LineWidth = 1.5f;
            line.MarkerSize = style.Markers ? 5 : 0; // markers keep points visible where lines overlap or lie on a limit
            if (style.DistinctPatterns)
            {
                line.LinePattern = patterns[index % patterns.Length];
                line.LineWidth = index < patterns.Length ? 2f : 1.2f;
            }
            index++;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Count + (style.ReferenceLines?.Count ?? 0) > 1)
            plot.ShowLegend(legend switch
            {
                LegendCorner.UpperLeft => Alignment.UpperLeft,
                LegendCorner.UpperRight => Alignment.UpperRight,
                LegendCorner.LowerLeft => Alignment.LowerLeft,
                _ => Alignment.LowerRight,
            });
        // A small margin keeps a line that sits on a limit (a score of exactly 1) off the frame.
        if (yRange is { } r) plot.Axes.SetLimitsY(r.Min - 0.02 * (r.Max - r.Min), r.Max + 0.02 * (r.Max - r.Min));
        plot.Font.Set(FontName);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, width, height));
    }

    /// <summary>Saves a heat map of <paramref name="values"/> ([row, column], row 0 drawn at the top) with each
    /// cell's value printed in it (format <paramref name="format"/>; NaN cells are left blank unless
    /// <paramref name="labels"/> gives them a text) and one tick per row and column at the cell centres.</summary>
    public static void SaveHeatMap(string path, string title, double[,] values, string format = "0.0",
                                   int cellPixels = 70, HeatMapLabels? labels = null)
    {
        int rows = values.GetLength(0), cols = values.GetLength(1);
        if (rows == 0 || cols == 0) throw new ArgumentException("empty heat map");
        var plot = new Plot();
        var heat = plot.Add.Heatmap(values);
        heat.Colormap = new ScottPlot.Colormaps.Viridis();
        // ScottPlot places the centres of the edge cells on the extent, so the extent runs between cell centres.
        heat.Extent = new CoordinateRect(0.5, cols - 0.5, 0.5, rows - 0.5);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
            if (!double.IsNaN(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
        {
            double v = values[r, c];
            string? custom = labels?.CellText?.Invoke(r, c);
            if (custom is null && double.IsNaN(v)) continue;
            var text = plot.Add.Text(custom ?? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
                                     c + 0.5, rows - r - 0.5);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontSize = 14;
            text.LabelFontName = FontName;
            // Dark text on the bright end of the colour map, white text on the dark end.
            bool bright = !double.IsNaN(v) && max > min && (v - min) / (max - min) > 0.6;
            text.LabelFontColor = double.IsNaN(v) ? Colors.Black : bright ? Colors.Black : Colors.White;
            if (custom is not null) text.LabelBold = true;
        }
        // One tick per cell at its centre (not ScottPlot's automatic 0.5 steps), labelled by index or by the caller.
        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        for (int c = 0; c < cols; c++) xTicks.AddMajor(c + 0.5, labels?.Columns?[c] ?? c.ToString(invariant));
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int r = 0; r < rows; r++) yTicks.AddMajor(rows - r - 0.5, labels?.Rows?[r] ?? r.ToString(invariant));
        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Add.ColorBar(heat);
        plot.Title(title);
        plot.Axes.SetLimits(0, cols, 0, rows);
        plot.HideGrid();
        plot.Font.Set(FontName);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, cols * cellPixels + 220, rows * cellPixels + 140));
    }
}
