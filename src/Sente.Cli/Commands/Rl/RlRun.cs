using System.CommandLine;
using Sente.Charts;
using Sente.Rl.Reporting;
using Spectre.Console;

namespace Sente.Cli.Commands.Rl;

/// <summary>
/// One execution of an `sente rl` subcommand: option values (with checks that fail as CLI errors), the seed, the
/// output folder (created on first use, so bad option values create nothing), writers for the PNG and CSV outputs
/// (atomic; each written file is remembered for <see cref="Done"/>) and a progress bar. Not thread-safe.
/// </summary>
internal sealed class RlRun(CliContext ctx, ParseResult parse, ulong seed, string outPath)
{
    private readonly List<string> _written = [];
    private string? _dir;

    public CliContext Context => ctx;
    public IAnsiConsole Console => ctx.Console;

    /// <summary>The --seed value.</summary>
    public ulong Seed => seed;

    /// <summary>The output folder's full path (created on first use).</summary>
    public string Dir => _dir ??= RlOptions.PrepareOut(outPath);

    /// <summary>The value of an option.</summary>
    public T Get<T>(Option<T> option) => parse.GetValue(option)!;

    /// <summary>The value of an integer option, which must be positive.</summary>
    public int Positive(Option<int> option) => RlOptions.RequirePositive(Get(option), option.Name);

    /// <summary>The runs and the run length of a repeated experiment, both positive.</summary>
    public (int Runs, int Length) Sizes(Repetitions sizes) => (Positive(sizes.Runs), Positive(sizes.Length));

    /// <summary>The value of a real option, which must satisfy <paramref name="ok"/> (described by <paramref name="rule"/>).</summary>
    public double Check(Option<double> option, Func<double, bool> ok, string rule)
    {
        double v = Get(option);
        return ok(v) ? v : throw new CliException($"{option.Name} must be {rule} (got {v})");
    }

    /// <summary>Runs work under a progress bar of <paramref name="total"/> units.</summary>
    public T Progress<T>(string description, int total, Func<ProgressReporter, T> work) =>
        ProgressReporter.Run(ctx, description, Math.Max(1, total), work, keep: true);

    /// <summary>Writes a line chart to <paramref name="file"/> in the output folder (see <see cref="Chart.SaveLines"/>).</summary>
    public void Lines(string file, string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series,
                      (double Min, double Max)? yRange = null, LegendCorner legend = LegendCorner.LowerRight,
                      ChartStyle? style = null)
    {
        Chart.SaveLines(Path(file), title, xLabel, yLabel, series, yRange: yRange, legend: legend, style: style);
        _written.Add(file);
    }

    /// <summary>Writes a heat map (see <see cref="Chart.SaveHeatMap"/>).</summary>
    public void HeatMap(string file, string title, double[,] values, string format = "0.0", int cellPixels = 70,
                        HeatMapLabels? labels = null)
    {
        Chart.SaveHeatMap(Path(file), title, values, format, cellPixels, labels);
        _written.Add(file);
    }

    /// <summary>Writes numeric columns as CSV (see <see cref="CsvTable.WriteColumns"/>).</summary>
    public void Columns(string file, IReadOnlyList<string> names, IReadOnlyList<double[]> columns)
    {
        CsvTable.WriteColumns(Path(file), names, columns);
        _written.Add(file);
    }

    /// <summary>Writes formatted rows as CSV (see <see cref="CsvTable.WriteRows"/>).</summary>
    public void Rows(string file, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        CsvTable.WriteRows(Path(file), header, rows);
        _written.Add(file);
    }

    /// <summary>Prints the closing line: the settings summary and the files written; returns exit code 0.</summary>
    public int Done(string summary)
    {
        string files = _written.Count == 0 ? "nothing" : string.Join(", ", _written);
        Console.MarkupLine($"{Markup.Escape(summary)}; wrote {Markup.Escape(files)} to {Markup.Escape(Dir)}");
        return 0;
    }

    private string Path(string file) => System.IO.Path.Combine(Dir, file);
}
