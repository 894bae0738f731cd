using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Spectre.Console;
using static TorchSharp.torch;

namespace Sente.Cli.Commands.Nn;

/// <summary>`sente nn init`: writes a freshly initialized network as a Sente checkpoint (training step 0).</summary>
public static class NnInitCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "Checkpoint to write.", Required = true };
        var board = SharedOptions.BoardSize("Board size.", 19, "--board");
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
            try { config = NetworkShapes.Config(parse.GetValue(arch)!, parse.GetValue(board), parse.GetValue(blocks), parse.GetValue(filters), parse.GetValue(norm)!, parse.GetValue(planes)); }
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
}
