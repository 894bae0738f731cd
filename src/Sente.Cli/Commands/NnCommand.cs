using System.CommandLine;
using System.Globalization;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Cli.Commands;

/// <summary>
/// `sente nn`: network files. `init` writes a freshly initialized checkpoint, `info` prints a checkpoint's header,
/// `export` writes its weights for PyTorch, safetensors or Leela Zero, `import-lz` turns a Leela Zero weights file
/// into a Sente checkpoint.
/// </summary>
public static class NnCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("nn", "Network files: create, inspect, export (PyTorch, safetensors, Leela Zero) and import Leela Zero weights.");
        command.Subcommands.Add(Init(ctx));
        command.Subcommands.Add(Info(ctx));
        command.Subcommands.Add(Export(ctx));
        command.Subcommands.Add(ImportLeelaZero(ctx));
        return command;
    }

    private static Command Init(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "Checkpoint to write.", Required = true };
        var board = new Option<int>("--board") { Description = "Board size.", DefaultValueFactory = _ => 19 };
        var arch = new Option<string>("--arch") { Description = "resnet | preact | wide | pyramid | dense, or alphago.", DefaultValueFactory = _ => "resnet" };
        var blocks = new Option<int>("--blocks") { Description = "Trunk blocks (alphago: layers).", DefaultValueFactory = _ => 6 };
        var filters = new Option<int>("--filters") { Description = "Trunk width (alphago: filters).", DefaultValueFactory = _ => 64 };
        var norm = new Option<string>("--norm") { Description = "batch | layer | none.", DefaultValueFactory = _ => "batch" };
        var planes = new Option<int>("--planes") { Description = "Input planes (0: 18 for Zero nets, 49 for alphago).", DefaultValueFactory = _ => 0 };
        var seed = new Option<long>("--seed") { Description = "Initialization seed.", DefaultValueFactory = _ => 1 };
        var cmd = new Command("init", "Write a freshly initialized network as a Sente checkpoint (training step 0).");
        foreach (Option o in new Option[] { output, board, arch, blocks, filters, norm, planes, seed }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            ModelConfig config;
            try { config = BenchNnCommand.BuildConfig(parse.GetValue(arch)!, parse.GetValue(board), parse.GetValue(blocks), parse.GetValue(filters), parse.GetValue(norm)!, parse.GetValue(planes)); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            TorchRuntime.InitializeProcess();
            random.manual_seed(parse.GetValue(seed));
            var model = ModelFactory.Create(config);
            string path = parse.GetValue(output)!;
            Checkpoint.Save(path, model, config, 0, new Dictionary<string, string> { ["created-by"] = "sente nn init", ["seed"] = parse.GetValue(seed).ToString(CultureInfo.InvariantCulture) });
            ctx.Out.WriteLine($"wrote {path}: {Checkpoint.Describe(config)}, {model.parameters().Sum(p => p.numel()):N0} parameters");
            return 0;
        });
        return cmd;
    }

    private static Command Info(CliContext ctx)
    {
        var file = new Option<string>("--checkpoint") { Description = "Sente checkpoint.", Required = true };
        var cmd = new Command("info", "Print a checkpoint's architecture, training step, time, hashes and metadata (checks its integrity).");
        cmd.Options.Add(file);
        cmd.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            TorchRuntime.InitializeProcess();
            var (model, h) = Load(path);
            var table = new Table().AddColumn("item").AddColumn("value");
            table.AddRow("architecture", Markup.Escape(Checkpoint.Describe(h.Config)));
            table.AddRow("parameters", model.parameters().Sum(p => p.numel()).ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("training step", h.TrainingStep.ToString(CultureInfo.InvariantCulture));
            table.AddRow("saved (UTC)", h.SavedAtUtc.ToString("u", CultureInfo.InvariantCulture));
            table.AddRow("format", h.Format.ToString(CultureInfo.InvariantCulture));
            table.AddRow("config hash", h.ConfigHash);
            table.AddRow("weights SHA-256", h.WeightsSha256);
            foreach (var (k, v) in h.Extra ?? []) table.AddRow(Markup.Escape(k), Markup.Escape(v));
            table.AddRow("config", Markup.Escape(System.Text.Json.JsonSerializer.Serialize(h.Config)));
            ctx.Console.Write(table);
            return 0;
        });
        return cmd;
    }

    private static Command Export(CliContext ctx)
    {
        var file = new Option<string>("--checkpoint") { Description = "Sente checkpoint.", Required = true };
        var format = new Option<string>("--format") { Description = "pytorch | safetensors | leelaz.", Required = true };
        var output = new Option<string>("--out") { Description = "File to write.", Required = true };
        var cmd = new Command("export", "Write a checkpoint's weights as a PyTorch state dict, safetensors (both with a .config.json) or a Leela Zero weights file.");
        foreach (Option o in new Option[] { file, format, output }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            TorchRuntime.InitializeProcess();
            var (model, h) = Load(parse.GetValue(file)!);
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
                default: throw new CliException($"--format must be pytorch, safetensors or leelaz, got '{parse.GetValue(format)}'");
            }
            ctx.Out.WriteLine($"wrote {outPath}");
            return 0;
        });
        return cmd;
    }

    private static Command ImportLeelaZero(CliContext ctx)
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

    private static (nn.Module Model, CheckpointHeader Header) Load(string path)
    {
        try { return Checkpoint.Load(path); }
        catch (CheckpointException e) { throw new CliException(e.Message); }
    }
}
