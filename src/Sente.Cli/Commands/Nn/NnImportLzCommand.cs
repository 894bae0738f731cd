using System.CommandLine;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;

namespace Sente.Cli.Commands.Nn;

/// <summary>`sente nn import-lz`: a Leela Zero weights file as a Sente checkpoint.</summary>
public static class NnImportLzCommand
{
    public static Command Create(CliContext ctx)
    {
        var weights = new Option<string>("--weights") { Description = "Leela Zero weights file (text, optionally gzipped).", Required = true };
        var output = new Option<string>("--out") { Description = "Sente checkpoint to write.", Required = true };
        var cmd = new Command("import-lz", "Convert a Leela Zero weights file (format 1) into a Sente checkpoint (Zero net, 18 planes, 19x19).");
        cmd.Options.Add(weights);
        cmd.Options.Add(output);
        cmd.SetAction(parse =>
        {
            TorchRuntime.InitializeProcess();
            ZeroNet net;
            try { net = LeelaZeroWeights.Import(parse.GetValue(weights)!); }
            catch (CheckpointException e) { throw new CliException(e.Message); }
            string outPath = parse.GetValue(output)!;
            Checkpoint.Save(outPath, net, net.Config, 0, new Dictionary<string, string> { ["imported-from"] = Path.GetFileName(parse.GetValue(weights)!) });
            ctx.Out.WriteLine($"wrote {outPath}: {Checkpoint.Describe(net.Config)}");
            return 0;
        });
        return cmd;
    }
}
