using System.CommandLine;

namespace Sente.Cli.Commands.Bench;

/// <summary>`sente bench`: the parent of the benchmarks (each subcommand in its own Bench*Command file).</summary>
public static class BenchCommand
{
    public static Command Create(CliContext ctx) => CommandGroup.Create("bench",
        "Benchmarks with fixed inputs that print the numbers to compare (playouts/s, moves/s, ...).",
        BenchApvCommand.Create(ctx), BenchGoCommand.Create(ctx), BenchMctsCommand.Create(ctx), BenchNnCommand.Create(ctx),
        BenchRolloutCommand.Create(ctx));
}
