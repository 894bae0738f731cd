using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Sente.Cli.Commands;

/// <summary>
/// The one progress display of the CLI's long jobs (lee stages, bench, train, match, datagen, tournaments). On a
/// terminal: a Spectre progress bar with percentage and time left for a known total, or an indeterminate bar with a
/// spinner for an unknown one. When stdout is not a terminal (a pipe, a file, a test): no live display; a plain line
/// "description: done/total (pct)" goes to stderr at most every <see cref="PlainInterval"/>, so logs show the job
/// moving without filling up. Reports may come from any thread (the state is locked; Spectre tasks are thread-safe).
/// </summary>
public sealed class ProgressReporter
{
    /// <summary>The least time between two plain lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly object _lock = new();
    private readonly CliContext _ctx;
    private readonly ProgressTask? _task;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLine;
    private string _description;
    private double _value;
    private double? _total;

    private ProgressReporter(CliContext ctx, ProgressTask? task, string description, double? total)
    {
        _ctx = ctx;
        _task = task;
        _description = description;
        _total = total;
        if (task is not null) task.IsIndeterminate = total is null;
    }

    /// <summary>Runs <paramref name="work"/> with a progress display of <paramref name="total"/> units (null:
    /// unknown) and returns its result. The display is cleared at the end unless <paramref name="keep"/>.</summary>
    public static T Run<T>(CliContext ctx, string description, double? total, Func<ProgressReporter, T> work, bool keep = false)
    {
        if (!IsTerminal(ctx)) return work(new ProgressReporter(ctx, null, description, total));
        T result = default!;
        Display(ctx, keep).Start(live => result = work(new ProgressReporter(ctx, AddTask(live, description, total), description, total)));
        return result;
    }

    /// <summary>Runs <paramref name="work"/> (no result) with a progress display; see <see cref="Run{T}"/>.</summary>
    public static void Run(CliContext ctx, string description, double? total, Action<ProgressReporter> work, bool keep = false) =>
        Run(ctx, description, total, p => { work(p); return 0; }, keep);

    /// <summary>The asynchronous <see cref="Run{T}"/>.</summary>
    public static async Task<T> RunAsync<T>(CliContext ctx, string description, double? total, Func<ProgressReporter, Task<T>> work,
                                            bool keep = false)
    {
        if (!IsTerminal(ctx)) return await work(new ProgressReporter(ctx, null, description, total));
        return await Display(ctx, keep).StartAsync(live =>
            work(new ProgressReporter(ctx, AddTask(live, description, total), description, total)));
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, in order (Progress&lt;T&gt; would post to
    /// the thread pool, out of order): how the library stages' progress reaches a reporter.</summary>
    public static IProgress<T> Synchronous<T>(Action<T> report) => new SynchronousProgress<T>(report);

    /// <summary>An <see cref="IProgress{T}"/> of units done, for library code that reports counts from worker threads:
    /// a report never moves the display backwards. <paramref name="offset"/> is added to each report (one display
    /// over several consecutive jobs).</summary>
    public IProgress<int> Counter(int offset = 0) => new CountProgress(this, offset);

    /// <summary>Sets the units done and, when given, the description.</summary>
    public void Report(double done, string? description = null)
    {
        lock (_lock)
        {
            _value = done;
            if (description is not null) _description = description;
            Update();
        }
    }

    /// <summary>Adds <paramref name="amount"/> units done and, when given, sets the description.</summary>
    public void Increment(double amount = 1, string? description = null)
    {
        lock (_lock) Report(_value + amount, description);
    }

    /// <summary>Changes the total (null: unknown), keeping the units done.</summary>
    public void SetTotal(double? total)
    {
        lock (_lock)
        {
            _total = total;
            if (_task is not null) _task.IsIndeterminate = total is null;
            Update();
        }
    }

    /// <summary>Starts a new phase: <paramref name="done"/> of <paramref name="total"/>, the bar's clock restarted.</summary>
    public void Restart(string description, double? total, double done = 0)
    {
        lock (_lock)
        {
            _task?.StartTask();
            _total = total;
            if (_task is not null) _task.IsIndeterminate = total is null;
            Report(done, description);
        }
    }

    /// <summary>Prints a line of text to stdout (above the live display on a terminal).</summary>
    public void WriteLine(string text)
    {
        lock (_lock) _ctx.Console.MarkupLine(Markup.Escape(text));
    }

    private void Update()
    {
        if (_task is not null)
        {
            if (_total is { } t) _task.MaxValue = Math.Max(t, 1e-9);
            _task.Value = Math.Min(_value, _task.MaxValue);
            _task.Description = Markup.Escape(_description);
            return;
        }
        TimeSpan now = _clock.Elapsed;
        if (now - _lastLine < PlainInterval) return;
        _lastLine = now;
        string amount = _total is { } total && total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{_value:0.##}/{total:0.##} ({_value / total:P0})")
            : string.Create(CultureInfo.InvariantCulture, $"{_value:0.##}");
        _ctx.Err.WriteLine($"{_description}: {amount}");
    }

    /// <summary>Stdout is a terminal: the rule of SenteApp's console (the process's own stdout, not redirected).</summary>
    private static bool IsTerminal(CliContext ctx) => ctx.Out == Console.Out && !Console.IsOutputRedirected;

    private static Progress Display(CliContext ctx, bool keep) => ctx.Console.Progress().AutoClear(!keep)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                 new RemainingTimeColumn(), new SpinnerColumn());

    private static ProgressTask AddTask(ProgressContext live, string description, double? total) =>
        live.AddTask(Markup.Escape(description), maxValue: total is { } t ? Math.Max(t, 1e-9) : 100);

    private sealed class CountProgress(ProgressReporter reporter, int offset) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reporter._lock)
                if (offset + value > reporter._value) reporter.Report(offset + value);
        }
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
