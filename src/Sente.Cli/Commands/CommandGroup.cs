using System.CommandLine;

namespace Sente.Cli.Commands;

/// <summary>A command that only groups subcommands (`sente bench`, `sente lee`, `sente nn`): each group's folder has
/// one group file that lists its subcommands through this, and each subcommand has a file of its own.</summary>
public static class CommandGroup
{
    /// <summary>The group <paramref name="name"/> with <paramref name="subcommands"/>, in the order given (help lists
    /// them so).</summary>
    public static Command Create(string name, string description, params IEnumerable<Command> subcommands)
    {
        var command = new Command(name, description);
        foreach (Command c in subcommands) command.Subcommands.Add(c);
        return command;
    }
}
