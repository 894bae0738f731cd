using System.CommandLine;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee ...`: the AlphaGo Lee pipeline, stage by stage, each subcommand in its own file here.</summary>
public static class LeeCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("lee", "The AlphaGo Lee pipeline, stage by stage (sl: supervised policy network; rollout: the fast rollout policy).");
        command.Subcommands.Add(LeeSlCommand.Create(ctx));
        command.Subcommands.Add(LeeRolloutCommand.Create(ctx));
        command.Subcommands.Add(LeeRlCommand.Create(ctx));
        command.Subcommands.Add(LeeTournamentCommand.Create(ctx));
        command.Subcommands.Add(LeeValueCommand.Create(ctx));
        command.Subcommands.Add(LeeValueDataCommand.Create(ctx));
        command.Subcommands.Add(LeeValueLabelCommand.Create(ctx));
        command.Subcommands.Add(LeeValueEvalCommand.Create(ctx));
        command.Subcommands.Add(LeeReportCommand.Create(ctx));
        return command;
    }
}
