using System.CommandLine;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl ...`: the reinforcement-learning foundations (Sutton and Barto, Gymnasium), each
/// subcommand in its own file of this folder, built on <see cref="RlSubcommand"/>.</summary>
public static class RlCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("rl", "Reinforcement-learning foundations: reproduce the textbook results " +
                                        "(gridworld, bandits, cliff walking, policy gradient, CartPole, marketing).");
        RlSubcommand[] subcommands =
        [
            new RlGridworldCommand(), new RlBanditCommand(), new RlCliffCommand(), new RlCorridorCommand(),
            new RlCartPoleCommand(), new RlMarketingCommand(),
        ];
        foreach (var sub in subcommands) command.Subcommands.Add(sub.Build(ctx));
        return command;
    }
}
