using System.CommandLine;
using System.Globalization;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using static TorchSharp.torch;

namespace Sente.Cli.Commands.Nn;

/// <summary>`sente nn init`: writes a freshly initialized network as a Sente checkpoint (training step 0).</summary>
public static class NnInitCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "Checkpoint to write.", Required = true };
        var shape = new NetworkShapeOptions();
        var seed = SharedOptions.Seed("Initialization seed.");
        var cmd = new Command("init", "Write a freshly initialized network as a Sente checkpoint (training step 0).");
        foreach (Option o in new Option[] { output, seed }.Concat(shape.All)) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            ModelConfig config = shape.Config(parse);
            TorchRuntime.InitializeProcess();
            random.manual_seed((long)parse.GetValue(seed));
            var model = ModelFactory.Create(config);
            string path = parse.GetValue(output)!;
            Checkpoint.Save(path, model, config, 0, new Dictionary<string, string> { ["created-by"] = "sente nn init", ["seed"] = parse.GetValue(seed).ToString(CultureInfo.InvariantCulture) });
            ctx.Out.WriteLine($"wrote {path}: {Checkpoint.Describe(config)}, {model.parameters().Sum(p => p.numel()):N0} parameters");
            return 0;
        });
        return cmd;
    }
}
