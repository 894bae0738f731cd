namespace Sente.Rl.Marketing;

/// <summary>The campaign's arms, as randomized in the Hillstrom test: no e-mail, the Mens e-mail, the Womens e-mail.
/// The integer values are the arm indices agents use (0, 1, 2).</summary>
public enum EmailArm
{
    None = 0,
    Mens = 1,
    Womens = 2,
}

/// <summary>Helpers for <see cref="EmailArm"/>.</summary>
public static class EmailArms
{
    /// <summary>Number of arms.</summary>
    public const int Count = 3;

    /// <summary>All arms in index order.</summary>
    public static IReadOnlyList<EmailArm> All { get; } = [EmailArm.None, EmailArm.Mens, EmailArm.Womens];

    /// <summary>True for the arms that send an e-mail (and so cost money).</summary>
    public static bool Sends(this EmailArm arm) => arm != EmailArm.None;

    /// <summary>The reward of an outcome in dollars: spend minus the e-mail's cost if one was sent (no margin is
    /// applied: the log's spend is treated as profit before e-mail costs, as the project's issue 25 does).</summary>
    public static double Reward(EmailArm arm, double spend, double costPerEmail) => spend - (arm.Sends() ? costPerEmail : 0);

    /// <summary>The name used in tables: "no e-mail", "Mens", "Womens".</summary>
    public static string Label(this EmailArm arm) => arm switch
    {
        EmailArm.None => "no e-mail",
        EmailArm.Mens => "Mens",
        EmailArm.Womens => "Womens",
        _ => throw new ArgumentOutOfRangeException(nameof(arm), arm, null),
    };
}
