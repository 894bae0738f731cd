using System.CommandLine;
using Sente.Cli.Commands.Rl;

namespace Sente.Cli.Commands;

/// <summary>`sente rl ...`: the reinforcement-learning foundations (Sutton and Barto, Gymnasium), each
/// subcommand in its own file under Commands/Rl/.</summary>
public static class RlCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("rl", "Reinforcement-learning foundations: reproduce the textbook results " +
                                        "(gridworld, bandits, cliff walking, policy gradient, CartPole, marketing).");
        command.Subcommands.Add(RlGridworldCommand.Create(ctx));
        command.Subcommands.Add(RlBanditCommand.Create(ctx));
        command.Subcommands.Add(RlCliffCommand.Create(ctx));
        command.Subcommands.Add(RlCorridorCommand.Create(ctx));
        command.Subcommands.Add(RlCartPoleCommand.Create(ctx));
        command.Subcommands.Add(RlMarketingCommand.Create(ctx));
        return command;
    }
}
