namespace Sente.Rl.Marketing;

/// <summary>
/// One customer of the Hillstrom e-mail test log: the profile (<see cref="Customer"/>), the randomized arm, and the
/// outcomes over the following two weeks. Spend is in dollars (0 unless the customer bought).
/// </summary>
public readonly record struct HillstromRow(Customer Customer, string ZipCode, string Channel, EmailArm Arm, bool Visit,
                                           bool Conversion, double Spend)
{
    /// <summary>The logged reward at <paramref name="costPerEmail"/> dollars per e-mail (see <see cref="EmailArms.Reward"/>).</summary>
    public double Reward(double costPerEmail) => EmailArms.Reward(Arm, Spend, costPerEmail);
}
