using System.CommandLine;
using Sente.Training;

namespace Sente.Cli.Commands;

/// <summary>`sente replay check|repair FILE`: verifies a replay file (docs/REPLAY-FORMAT.md) without changing it, or
/// repairs it (a damaged header included) after copying it aside.</summary>
public static class ReplayCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("replay", "Check or repair a self-play replay file (replay.bin).");
        var checkFile = new Argument<string>("file") { Description = "The replay file" };
        var check = new Command("check", "Verify every frame and list damage; changes nothing. Exit 0 when clean, 2 when damaged.");
        check.Arguments.Add(checkFile);
        check.SetAction(parse =>
        {
            string path = parse.GetValue(checkFile)!;
            if (!File.Exists(path)) throw new CliException($"replay check: {path}: no such file", ErrorPolicy.BadInput);
            byte[] bytes = File.ReadAllBytes(path);
            bool header = bytes.Length >= ReplayFile.HeaderSize && bytes.AsSpan(0, 8).SequenceEqual("SENTERPL"u8)
                          && BitConverter.ToUInt32(bytes, 8) == 1;
            ReplayScan scan = ReplayScan.Of(bytes, Math.Min(bytes.Length, ReplayFile.HeaderSize));
            ctx.Out.WriteLine($"{path}: header {(header ? "good" : "DAMAGED")}, {scan.Frames.Count} good frames, " +
                              $"{scan.Damage.Count} damaged, torn tail {scan.TornTailLength} bytes");
            foreach (ReplayDamage d in scan.Damage) ctx.Out.WriteLine($"  damaged frame at byte {d.Offset}, {d.Length} bytes, bad {d.Reason}");
            return header && scan.Damage.Count == 0 ? 0 : ErrorPolicy.BadInput;
        });
        var repairFile = new Argument<string>("file") { Description = "The replay file" };
        var repair = new Command("repair", "Copy the file aside (FILE.damaged-N), then rewrite it with a fresh header and every good frame.");
        repair.Arguments.Add(repairFile);
        repair.SetAction(parse =>
        {
            string path = parse.GetValue(repairFile)!;
            if (!File.Exists(path)) throw new CliException($"replay repair: {path}: no such file", ErrorPolicy.BadInput);
            ReplayFile.RepairReport r = ReplayFile.Repair(path);
            if (r.Copy is null)
            {
                ctx.Out.WriteLine($"{path}: clean, {r.Frames} good frames; nothing to repair");
                return 0;
            }
            foreach (ReplayDamage d in r.Damage) ctx.Out.WriteLine($"  dropped damaged {d.Reason} at byte {d.Offset}, {d.Length} bytes");
            ctx.Out.WriteLine($"{path}: repaired: {r.Frames} good frames kept, {r.Damage.Count} damaged stretches and " +
                              $"{r.TornBytes} torn bytes dropped; the file as found is in {r.Copy}");
            return 0;
        });
        command.Subcommands.Add(check);
        command.Subcommands.Add(repair);
        return command;
    }
}
