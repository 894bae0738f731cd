using System.CommandLine;

namespace Sente.Cli.Commands.Lee;

/// <summary>`sente lee ...`: the AlphaGo Lee pipeline, stage by stage, each subcommand in its own file here.</summary>
public static class LeeCommand
{
    public static Command Create(CliContext ctx) => CommandGroup.Create("lee",
        "The AlphaGo Lee pipeline, stage by stage (sl: supervised policy network; rollout: the fast rollout policy).",
        LeeSlCommand.Create(ctx), LeeRolloutCommand.Create(ctx), LeeRlCommand.Create(ctx), LeeTournamentCommand.Create(ctx),
        LeeValueCommand.Create(ctx), LeeValueDataCommand.Create(ctx), LeeValueLabelCommand.Create(ctx), LeeValueEvalCommand.Create(ctx),
        LeeReportCommand.Create(ctx));
}
