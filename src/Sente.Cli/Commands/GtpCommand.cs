using System.CommandLine;
using Sente.Go;
using Sente.Gtp.Engine;
using Sente.Gtp.Players;

namespace Sente.Cli.Commands;

/// <summary>`sente gtp --player random [--seed S]`: a GTP v2 engine on stdin/stdout (for GUIs such as Sabaki,
/// GoGui, Lizzie and for match runners).</summary>
public static class GtpCommand
{
    public static Command Create(CliContext ctx)
    {
        var player = new Option<string>("--player") { Description = "Move generator: " + PlayerList(), DefaultValueFactory = _ => "random" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the move generator's randomness", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Board size at start (GTP boardsize changes it)", DefaultValueFactory = _ => 19 };
        var komi = new Option<double>("--komi") { Description = "Komi at start (GTP komi changes it)", DefaultValueFactory = _ => 7.5 };
        var rules = new Option<string>("--rules") { Description = "Rules: tromp-taylor (default), chinese, simple-ko, situational, new-zealand", DefaultValueFactory = _ => "tromp-taylor" };
        var model = new Option<string?>("--model") { Description = "A network from `sente train` (best.ckpt): play with MCTS on it (same as --player mcts:model=PATH)" };
        var visits = new Option<int>("--visits") { Description = "MCTS visits per move with --model", DefaultValueFactory = _ => 200 };
        var command = new Command("gtp", "Run a Go Text Protocol (v2) engine on standard input and output.");
        foreach (Option o in new Option[] { player, seed, size, komi, rules, model, visits }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            IMoveGenerator generator;
            Rules r;
            try
            {
                generator = parse.GetValue(model) is { } m
                    ? SentePlayers.Mcts(new Dictionary<string, string> { ["model"] = m, ["visits"] = parse.GetValue(visits).ToString(System.Globalization.CultureInfo.InvariantCulture) }, parse.GetValue(seed))
                    : SentePlayers.CreateRegistry().Create(parse.GetValue(player)!, parse.GetValue(seed));
                r = Rules.Parse(parse.GetValue(rules)!);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new CliException(e.Message);
            }
            int n = parse.GetValue(size);
            if (n < 2 || n > 25) throw new CliException($"--size {n}: board sizes are 2..25");
            var engine = new GtpEngine(generator, new GtpEngineOptions { BoardSize = n, Komi = parse.GetValue(komi), Rules = r });
            engine.Run(Console.In, ctx.Out);
            return 0;
        });
        return command;
    }

    private static string PlayerList() =>
        string.Join("; ", SentePlayers.CreateRegistry().Players.Select(p => $"{p.Name} ({p.Description})"));
}
