using System.Text.Json;
using Sente.Core.Config;
using Sente.Core.IO;
using Sente.Go;
using Sente.Gtp.Client;
using Sente.Nn.Checkpoints;

namespace Sente.Cli;

/// <summary>
/// The one top-level error policy of the command line: any exception a command lets out becomes one line on stderr,
/// "sente: MESSAGE", naming the file, setting or input at fault (the exception's message; every loader names its
/// file), and an exit code that tells bad input from a failure and from a bug:
/// <list type="bullet">
/// <item><see cref="BadInput"/> (2): a setting, argument or input file that cannot be used (config, checkpoint, replay
/// file, SGF, run state, a path naming a file where a folder is needed, a device this build lacks).</item>
/// <item><see cref="Failure"/> (1): the environment failed (I/O error, permission, an external engine died).</item>
/// <item><see cref="Cancelled"/> (130): Ctrl-C.</item>
/// <item><see cref="Internal"/> (70, EX_SOFTWARE): anything else, a bug; the line names the exception type and the log
/// file holding the full trace.</item>
/// </list>
/// The full stack trace is printed only with <c>--verbose</c> (or SENTE_VERBOSE=1); for internal errors it is also
/// written to a log file in the temporary folder. Stateless; thread-safe.
/// </summary>
public static class ErrorPolicy
{
    public const int Failure = 1, BadInput = 2, Internal = 70, Cancelled = 130;

    /// <summary>Reports <paramref name="error"/> on <paramref name="stderr"/> and returns the exit code.</summary>
    public static int Report(Exception error, TextWriter stderr, bool verbose)
    {
        Exception e = Unwrap(error);
        (int code, string message) = Classify(e);
        if (code == Internal && WriteLog(error) is { } log) message += $" (full trace in {log})";
        stderr.WriteLine($"sente: {OneLine(message)}");
        if (verbose) stderr.WriteLine(error.ToString());
        return code;
    }

    /// <summary>The exit code and message for an (unwrapped) exception.</summary>
    public static (int Code, string Message) Classify(Exception e) => e switch
    {
        CliException c => (c.ExitCode, c.Message),
        OperationCanceledException => (Cancelled, "cancelled"),
        ConfigException or CheckpointException or InvalidDataException or SgfException or JsonException or FormatException
            or FileNotFoundException or DirectoryNotFoundException => (BadInput, e.Message),
        ArgumentNullException => (Internal, $"internal error: {e.GetType().Name}: {e.Message}"),
        ArgumentException or NotSupportedException => (BadInput, e.Message),
        UnauthorizedAccessException or IOException or GtpException => (Failure, e.Message),
        _ => (Internal, $"internal error: {e.GetType().Name}: {e.Message}"),
    };

    /// <summary>The exception that says what went wrong: wrappers (aggregate, type initializer, invocation) removed.</summary>
    public static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException { InnerExceptions.Count: 1 } a: e = a.InnerExceptions[0]; continue;
                case System.Reflection.TargetInvocationException { InnerException: { } i }: e = i; continue;
                case TypeInitializationException { InnerException: { } t }: e = t; continue;
                default: return e;
            }
        }
    }

    /// <summary>True when --verbose is among <paramref name="args"/> or SENTE_VERBOSE is 1/true.</summary>
    public static bool Verbose(string[] args) =>
        args.Contains("--verbose") || Environment.GetEnvironmentVariable("SENTE_VERBOSE") is "1" or "true";

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? WriteLog(Exception error)
    {
        try
        {
            string path = Path.Combine(Path.GetTempPath(), $"sente-error-{DateTime.UtcNow:yyyyMMddTHHmmss}-{Environment.ProcessId}.log");
            AtomicFile.WriteAllText(path, $"{DateTime.UtcNow:O} sente {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}\n{error}\n");
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
