namespace Sente.Cli.Commands.Lee;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; would post to the thread
/// pool, out of order). Used by the `lee` commands to drive their progress bars.</summary>
internal sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
