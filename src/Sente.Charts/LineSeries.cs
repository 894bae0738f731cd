namespace Sente.Charts;

/// <summary>One line of a line chart: y values at x values (same length), with a legend label.</summary>
public sealed record LineSeries(string Label, double[] X, double[] Y)
{
    /// <summary>A series at x = 1, 2, ..., n (for example steps or episodes).</summary>
    public static LineSeries OverIndex(string label, double[] y) =>
        new(label, Enumerable.Range(1, y.Length).Select(i => (double)i).ToArray(), y);
}
