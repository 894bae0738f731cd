namespace Sente.Charts;

/// <summary>A labelled horizontal reference line (for example a "solved" threshold or an optimum).</summary>
public sealed record ReferenceLine(string Label, double Y);

/// <summary>
/// Optional look of a line chart (<see cref="Chart.SaveLines"/>). The defaults are the original look.
/// </summary>
/// <param name="Markers">Draw a marker at every point. Off suits long curves (1,000 points); on suits short ones
/// whose points lie on an axis limit.</param>
/// <param name="DistinctPatterns">Give series distinct line patterns (solid, dashed, dotted, dash-dot) and widths,
/// so series that overlap stay distinguishable.</param>
/// <param name="ReferenceLines">Dashed horizontal lines, drawn under the series and named in the legend.</param>
public sealed record ChartStyle(bool Markers = true, bool DistinctPatterns = false,
                                IReadOnlyList<ReferenceLine>? ReferenceLines = null)
{
    /// <summary>The original look: markers on, solid lines, no reference lines.</summary>
    public static ChartStyle Default { get; } = new();

    /// <summary>For long learning curves: no markers, distinct patterns.</summary>
    public static ChartStyle Curves { get; } = new(Markers: false, DistinctPatterns: true);
}

/// <summary>Labels of a heat map (<see cref="Chart.SaveHeatMap"/>).</summary>
/// <param name="Rows">Tick label per row (row 0 at the top); null = the row index.</param>
/// <param name="Columns">Tick label per column; null = the column index.</param>
/// <param name="CellText">Text printed in a cell instead of its value (for example "S", "G", "cliff"); null or a
/// null result = the value.</param>
public sealed record HeatMapLabels(IReadOnlyList<string>? Rows = null, IReadOnlyList<string>? Columns = null,
                                   Func<int, int, string?>? CellText = null);
