using System.CommandLine;

namespace Sente.Cli.Commands;

/// <summary>`sente bench ...`: the parent of the benchmark commands (each in its own file).</summary>
public static class BenchCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("bench", "Benchmarks that print the numbers users compare (playouts/s, evals/s, moves/s).");
        command.Subcommands.Add(BenchMctsCommand.Create(ctx));
        return command;
    }
}
