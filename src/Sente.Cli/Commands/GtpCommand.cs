using System.CommandLine;
using Sente.Cli.Composition.Players;
using Sente.Go;
using Sente.Gtp.Engine;
using Sente.Gtp.Players;

namespace Sente.Cli.Commands;

/// <summary>`sente gtp --player SPEC [--seed S]`: a GTP v2 engine on stdin/stdout (for GUIs such as Sabaki,
/// GoGui, Lizzie and for match runners). Player specs: docs/GTP.md, "Player specs".</summary>
public static class GtpCommand
{
    public static Command Create(CliContext ctx)
    {
        var player = new Option<string>("--player")
        {
            Description = "Move generator, a player spec KIND[:key=value,...] (docs/GTP.md, \"Player specs\"): " +
                          PlayerCatalog.Default.Help(k => k.PlaysGtp),
            DefaultValueFactory = _ => "random",
        };
        var seed = SharedOptions.Seed("Seed of the move generator's randomness");
        var size = SharedOptions.BoardSize("Board size at start (GTP boardsize changes it)", 19);
        var komi = SharedOptions.Komi("Komi at start (GTP komi changes it)");
        var rules = new Option<string>("--rules") { Description = "Rules: tromp-taylor (default), chinese, simple-ko, situational, new-zealand", DefaultValueFactory = _ => "tromp-taylor" };
        var model = new Option<string?>("--model") { Description = "A network from `sente train` (best.ckpt): play with MCTS on it (same as --player mcts:model=PATH)" };
        var visits = new Option<int?>("--visits")
        {
            Description = $"MCTS visits per move with --model (default {MctsPlayerOptions.DefaultVisits})",
        };
        var command = new Command("gtp", "Run a Go Text Protocol (v2) engine on standard input and output.");
        foreach (Option o in new Option[] { player, seed, size, komi, rules, model, visits }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            IMoveGenerator generator;
            Rules r;
            try
            {
                generator = parse.GetValue(model) is { } m
                    ? MctsPlayerKind.CreateMoveGenerator(
                        new MctsPlayerOptions(m) { Visits = parse.GetValue(visits) ?? MctsPlayerOptions.DefaultVisits }, parse.GetValue(seed))
                    : PlayerCatalog.Default.CreateMoveGenerator(parse.GetValue(player)!, parse.GetValue(seed));
                r = Rules.Parse(parse.GetValue(rules)!);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new CliException(e.Message);
            }
            var engine = new GtpEngine(generator, new GtpEngineOptions { BoardSize = parse.GetValue(size), Komi = parse.GetValue(komi), Rules = r });
            engine.Run(Console.In, ctx.Out);
            return 0;
        });
        return command;
    }
}
