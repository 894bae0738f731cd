using Sente.Core;
using Sente.Rl.Environments;

namespace Sente.Rl.Marketing;

/// <summary>
/// The marketing decision as a Gymnasium-style environment (a contextual bandit): each episode is one customer.
/// Reset draws a customer and returns its features (<see cref="Customer.WriteFeatures"/>); Step(a) plays arm a
/// (<see cref="EmailArm"/>: 0 no e-mail, 1 Mens, 2 Womens); the reward is the spend (if the customer buys) minus the
/// e-mail's cost if one was sent (dollars); the episode then terminates. Not thread-safe.
/// </summary>
public sealed class MarketingEnvironment(CustomerPopulation population, ulong seed = 0) : IEnvironment<double[]>
{
    private Rng _rng = new(seed);
    private bool _active;

    public ISpace ObservationSpace { get; } = new BoxSpace(
        [1, 0, 0, 0, 0, double.NegativeInfinity, 0, 0, 0], [1, 1, 1, 1, 1, double.PositiveInfinity, 1, 1, 1]);
    public DiscreteSpace ActionSpace { get; } = new(EmailArms.Count);
    public CustomerPopulation Population => population;

    /// <summary>The customer of the current episode.</summary>
    public Customer Current { get; private set; }

    public double[] Reset(ulong? seed = null)
    {
        if (seed is { } s) _rng = new Rng(s);
        Current = population.Draw(_rng);
        _active = true;
        var x = new double[Customer.FeatureCount];
        Current.WriteFeatures(x);
        return x;
    }

    public StepResult<double[]> Step(int action)
    {
        if (!_active) throw new InvalidOperationException("call Reset before Step (each customer is one episode)");
        if (!ActionSpace.Contains(action)) throw new ArgumentOutOfRangeException(nameof(action), action, "0 = no e-mail, 1 = Mens, 2 = Womens");
        _active = false;
        double reward = population.SampleReward(Current, (EmailArm)action, _rng);
        return new StepResult<double[]>(Array.Empty<double>(), reward, true, false);
    }
}
