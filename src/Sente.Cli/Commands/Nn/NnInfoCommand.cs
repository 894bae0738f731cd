using System.CommandLine;
using System.Globalization;
using Sente.Cli.Composition;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Spectre.Console;

namespace Sente.Cli.Commands.Nn;

/// <summary>`sente nn info`: prints a checkpoint's architecture, training step, hashes and metadata.</summary>
public static class NnInfoCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Option<string>("--checkpoint") { Description = "Sente checkpoint.", Required = true };
        var cmd = new Command("info", "Print a checkpoint's architecture, training step, time, hashes and metadata (checks its integrity).");
        cmd.Options.Add(file);
        cmd.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            TorchRuntime.InitializeProcess();
            var (model, h) = NetworkLoader.Load(path);
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
}
