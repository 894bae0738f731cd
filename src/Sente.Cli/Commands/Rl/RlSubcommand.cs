using System.CommandLine;

namespace Sente.Cli.Commands.Rl;

/// <summary>
/// The skeleton every `sente rl` subcommand shares: the command with its name and help, the common options
/// (--seed, --out runs/rl/&lt;name&gt;), declared options, and the action that receives an <see cref="RlRun"/> (values,
/// output folder, file writers, progress). A subclass declares its options in its constructor and implements
/// <see cref="Execute"/>. Build once per command tree; not thread-safe while building.
/// </summary>
internal abstract class RlSubcommand(string name, string description)
{
    private readonly List<Option> _options = [];
    private readonly Option<ulong> _seed =
        new("--seed") { Description = "Seed for every random choice (same seed, same results)", DefaultValueFactory = _ => 1UL };
    private readonly Option<string> _out =
        new("--out") { Description = "Output folder for CSV and PNG files", DefaultValueFactory = _ => Path.Combine("runs", "rl", name) };

    /// <summary>The `sente rl` command, wired to <see cref="Execute"/>.</summary>
    public Command Build(CliContext ctx)
    {
        var command = new Command(name, description);
        command.Options.Add(_seed);
        command.Options.Add(_out);
        foreach (var option in _options) command.Options.Add(option);
        command.SetAction(parse => Execute(new RlRun(ctx, parse, parse.GetValue(_seed), parse.GetValue(_out)!)));
        return command;
    }

    /// <summary>Runs the command; returns the exit code. Throw <see cref="CliException"/> for bad option values.</summary>
    protected abstract int Execute(RlRun run);

    /// <summary>Declares an option of the command.</summary>
    protected Option<T> Add<T>(Option<T> option)
    {
        _options.Add(option);
        return option;
    }

    /// <summary>An integer option (checked positive by <see cref="RlRun.Positive"/>).</summary>
    protected Option<int> Count(string option, string help, int defaultValue) =>
        Add(new Option<int>(option) { Description = help, DefaultValueFactory = _ => defaultValue });

    /// <summary>Declares the two sizes of a repeated experiment: --runs and the length of a run (--steps, --episodes).</summary>
    protected Repetitions Repeat(string runsHelp, int runs, string length, string lengthHelp, int lengthDefault) =>
        new(Count("--runs", runsHelp, runs), Count(length, lengthHelp, lengthDefault));

    /// <summary>A real-valued option.</summary>
    protected Option<double> Number(string option, string help, double defaultValue) =>
        Add(new Option<double>(option) { Description = help, DefaultValueFactory = _ => defaultValue });

    /// <summary>An on/off switch.</summary>
    protected Option<bool> Switch(string option, string help) => Add(new Option<bool>(option) { Description = help });
}

/// <summary>The --runs option and the run-length option of a repeated experiment (read with <see cref="RlRun.Sizes"/>).</summary>
internal sealed record Repetitions(Option<int> Runs, Option<int> Length);
