using Sente.Core.Platform;

namespace Sente.Cli.Composition.Players;

/// <summary>`gnugo:LEVEL` (= gnugo:level=LEVEL; lee tournament): GNU Go at level 0..10 as an external GTP engine.</summary>
public sealed class GnuGoPlayerKind : PlayerKind
{
    public override string Name => "gnugo";
    public override string Usage => "gnugo:LEVEL";
    public override string Description => "lee tournament: GNU Go at level 0..10 (an external engine; gnugo must be installed)";
    public override IReadOnlyList<string> Keys => ["level"];
    public override string? PositionalKey => "level";
    public override bool PlaysGtp => false;

    public override void Validate(PlayerSettings settings) => Level(settings);

    public override Sente.Gtp.Players.IMoveGenerator CreateMoveGenerator(PlayerSettings settings, ulong seed) =>
        throw new ArgumentException("player 'gnugo' is an external engine: use `lee tournament`, or match with its command line");

    public override string ExternalCommand(PlayerSettings settings)
    {
        int level = Level(settings);
        string exe = ExecutableLocator.Find("gnugo") ?? throw new CliException("gnugo is not installed (apt-get install gnugo)");
        return $"{exe} --mode gtp --level {level}";
    }

    private static int Level(PlayerSettings settings)
    {
        settings.Required("level", "LEVEL");
        return settings.Int("level", 0, 0, 10);
    }
}
