using System.CommandLine;
using Sente.Lee.Stages;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee report`: the paper-style table of every AlphaGo Lee stage run so far (report.md, report.png).</summary>
public static class LeeReportCommand
{
    public static Command Create(CliContext ctx)
    {
        var dir = new Option<string>("--dir") { Description = "Run directory holding the stage results (sl-48/, rollout.json, rl/, value-*/, tournament.json)", DefaultValueFactory = _ => Path.Combine("runs", "lee9") };
        var command = new Command("report", "Write report.md and report.png: each stage's measured numbers beside the paper's (missing stages shown as not run).");
        command.Options.Add(dir);
        command.SetAction(parse =>
        {
            string d = parse.GetValue(dir)!;
            string markdown;
            try { markdown = LeeReport.Write(d); }
            catch (Exception e) when (e is InvalidDataException or DirectoryNotFoundException) { throw new CliException($"lee report: {e.Message}"); }
            ctx.Out.Write(markdown);
            ctx.Out.WriteLine($"wrote {Path.GetFullPath(Path.Combine(d, "report.md"))} and report.png");
            return 0;
        });
        return command;
    }
}
