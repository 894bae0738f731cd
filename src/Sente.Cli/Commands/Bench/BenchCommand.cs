using System.CommandLine;

namespace Sente.Cli.Commands.Bench;

/// <summary>`sente bench`: the parent of the benchmarks (each subcommand in its own Bench*Command file).</summary>
public static class BenchCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("bench", "Benchmarks with fixed inputs that print the numbers to compare (playouts/s, moves/s, ...).");
        command.Subcommands.Add(BenchApvCommand.Create(ctx));
        command.Subcommands.Add(BenchGoCommand.Create(ctx));
        command.Subcommands.Add(BenchMctsCommand.Create(ctx));
        command.Subcommands.Add(BenchNnCommand.Create(ctx));
        command.Subcommands.Add(BenchRolloutCommand.Create(ctx));
        return command;
    }
}
