using Spectre.Console;

namespace Sente.Cli.Commands.Rl;

/// <summary>Progress display for long `sente rl` jobs (Spectre.Console). Reports may come from worker threads.</summary>
internal static class RlProgress
{
    /// <summary>Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> units; the work reports
    /// the number of units done so far.</summary>
    public static T Run<T>(CliContext ctx, string description, int total, Func<IProgress<int>, T> work)
    {
        T result = default!;
        ctx.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(p =>
            {
                var task = p.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                result = work(new Reporter(task));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports <c>offset + value</c> to <paramref name="inner"/> (one bar over several consecutive jobs).</summary>
    public static IProgress<int> Offset(IProgress<int> inner, int offset) => new Shifted(inner, offset);

    private sealed class Shifted(IProgress<int> inner, int offset) : IProgress<int>
    {
        public void Report(int value) => inner.Report(offset + value);
    }

    private sealed class Reporter(ProgressTask task) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (this) task.Value = Math.Max(task.Value, value);
        }
    }
}
