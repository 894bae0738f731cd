using System.CommandLine;
using System.CommandLine.Parsing;
using Sente.Cli.Commands;
using Sente.Cli.Commands.Bench;
using Sente.Cli.Commands.Lee;
using Sente.Cli.Commands.Nn;
using Spectre.Console;

namespace Sente.Cli;

/// <summary>
/// The `sente` command line: builds the command tree and runs it. The only composition root of Sente:
/// concrete pieces from every layer are wired together here and nowhere else.
/// </summary>
public static class SenteApp
{
    /// <summary>Runs the command line and returns the process exit code: 0 = success, else <see cref="ErrorPolicy"/>'s
    /// codes (2 bad input or usage, 1 failure, 70 internal error, 130 cancelled). Never throws.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="stdout">Where normal output goes (default: the console).</param>
    /// <param name="stderr">Where errors go (default: the console's error stream).</param>
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        bool verbose = ErrorPolicy.Verbose(args);
        try
        {
            var context = new CliContext(stdout, stderr, CreateConsole(stdout));
            RootCommand root = BuildRoot(context);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && args.Length > 0)
            {
                // Usage errors (unknown option, bad value, missing argument) are bad input: one line on stderr, as every
                // other error, and nothing on stdout (a GTP controller reads it); the help stays one --help away.
                string errors = string.Join("; ", parsed.Errors.Select(e => e.Message.TrimEnd('.')).Distinct());
                stderr.WriteLine($"sente: {errors} (see `sente {CommandPath(parsed)}--help`)");
                return ErrorPolicy.BadInput;
            }
            var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parsed.Invoke(invocation);
        }
        catch (Exception e)
        {
            return ErrorPolicy.Report(e, stderr, verbose);
        }
    }

    /// <summary>"lee sl " for `sente lee sl ...`; empty for the root.</summary>
    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (SymbolResult? r = parsed.CommandResult; r is CommandResult c; r = c.Parent)
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        return string.Concat(names.Select(n => n + " "));
    }

    /// <summary>The command tree. Each command lives in its own file under Commands/.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "Sente: AlphaGo and AlphaGo Zero in .NET - a Go engine (GTP, SGF) and trainer, with the reinforcement-" +
            "learning basics under them and the techniques that make networks fast and small.");
        root.Subcommands.Add(VersionCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(GtpCommand.Create(context));
        root.Subcommands.Add(MatchCommand.Create(context));
        root.Subcommands.Add(DatagenCommand.Create(context));
        root.Subcommands.Add(Commands.Rl.RlCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(ArenaCommand.Create(context));
        root.Subcommands.Add(LeeCommand.Create(context));
        root.Subcommands.Add(NnCommand.Create(context));
        root.Subcommands.Add(ReplayCommand.Create(context));
        root.Options.Add(new Option<bool>("--verbose")
        {
            Description = "On an error, print the full stack trace after the one-line message (also SENTE_VERBOSE=1)", Recursive = true,
        });
        return root;
    }

    /// <summary>
    /// A Spectre console on <paramref name="writer"/>. A real terminal gets its detected width; anything else (a pipe,
    /// a file, a test's StringWriter, CI) gets <see cref="UnattendedWidth"/> columns so that tables are not folded
    /// into unreadable and ungreppable cells by a guessed 80-column width.
    /// </summary>
    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        bool terminal = writer == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = writer == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = writer == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal) console.Profile.Width = UnattendedWidth;
        return console;
    }

    /// <summary>Columns used when output is not a terminal.</summary>
    public const int UnattendedWidth = 200;
}

/// <summary>What every command gets: its output streams and a Spectre console writing to stdout.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Err, IAnsiConsole Console);

/// <summary>A user-facing error about the command's input (an argument, a setting, a file): printed as
/// "sente: message" with the given exit code (default <see cref="ErrorPolicy.BadInput"/>, 2), no stack trace.</summary>
public sealed class CliException(string message, int exitCode = ErrorPolicy.BadInput) : Exception(message)
{
    /// <summary>The process exit code to return (non-zero).</summary>
    public int ExitCode { get; } = exitCode == 0 ? 1 : exitCode;
}
