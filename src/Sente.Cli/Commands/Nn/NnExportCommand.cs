using System.CommandLine;
using Sente.Cli.Composition;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Onnx.Export;

namespace Sente.Cli.Commands.Nn;

/// <summary>`sente nn export`: a checkpoint's weights for PyTorch, safetensors or Leela Zero, or the whole network as an
/// ONNX model (docs/ONNX.md).</summary>
public static class NnExportCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Option<string>("--checkpoint") { Description = "Sente checkpoint.", Required = true };
        var format = new Option<string>("--format") { Description = "pytorch | safetensors | leelaz | onnx.", Required = true };
        var output = new Option<string>("--out") { Description = "File to write.", Required = true };
        var cmd = new Command("export", "Write a checkpoint's weights as a PyTorch state dict, safetensors (both with a .config.json) or a Leela Zero " +
            "weights file, or the network as an ONNX model (opset 17, BatchNorm folded).");
        foreach (Option o in new Option[] { file, format, output }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            TorchRuntime.InitializeProcess();
            var (model, h) = NetworkLoader.Load(parse.GetValue(file)!);
            string outPath = parse.GetValue(output)!;
            switch (parse.GetValue(format)!.ToLowerInvariant())
            {
                case "pytorch": PyTorchInterop.Export(model, h.Config, outPath, WeightsFormat.PyTorch); break;
                case "safetensors": PyTorchInterop.Export(model, h.Config, outPath, WeightsFormat.Safetensors); break;
                case "leelaz":
                    if (model is not ZeroNet zero) throw new CliException("--format leelaz needs a Zero network");
                    zero.eval();
                    try { LeelaZeroWeights.Export(zero, outPath); }
                    catch (ArgumentException e) { throw new CliException(e.Message); }
                    break;
                case "onnx":
                    model.eval();
                    try { OnnxExport.Save(model, outPath); }
                    catch (NotSupportedException e) { throw new CliException(e.Message); }
                    break;
                default:
                    throw new CliException($"--format must be pytorch, safetensors, leelaz or onnx, got '{parse.GetValue(format)}'");
            }
            ctx.Out.WriteLine($"wrote {outPath}");
            return 0;
        });
        return cmd;
    }
}
