using System.CommandLine;

namespace Sente.Cli.Commands.Nn;

/// <summary>
/// `sente nn`: network files. `init` writes a freshly initialized checkpoint, `info` prints a checkpoint's header,
/// `export` writes its weights for PyTorch, safetensors or Leela Zero, `import-lz` turns a Leela Zero weights file
/// into a Sente checkpoint.
/// </summary>
public static class NnCommand
{
    public static Command Create(CliContext ctx) => CommandGroup.Create("nn",
        "Network files: create, inspect, export (PyTorch, safetensors, Leela Zero) and import Leela Zero weights.",
        NnInitCommand.Create(ctx), NnInfoCommand.Create(ctx), NnExportCommand.Create(ctx), NnImportLzCommand.Create(ctx));
}
