using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>Outcome of one agent on a stream of simulated customers.</summary>
/// <param name="OnlineProfitPer1000">Realised profit per 1,000 customers while learning (dollars).</param>
/// <param name="FinalProfitPer1000">Expected profit per 1,000 customers of the final (exploiting) policy, computed
/// exactly from the simulator over its whole population.</param>
/// <param name="FinalArmFractions">Fraction of the population the final policy gives each arm (index = arm).</param>
/// <param name="CumulativeRegret">Expected regret against the best possible policy, summed over the stream, at
/// customers (i + 1) * RegretEvery.</param>
public sealed record MarketingResult(string Agent, double OnlineProfitPer1000, double FinalProfitPer1000,
                                     double[] FinalArmFractions, double[] CumulativeRegret, int RegretEvery);

/// <summary>How a coarse segment of the population is treated.</summary>
/// <param name="Share">Fraction of customers in the segment.</param>
/// <param name="MensUplift">Mean expected extra spend of the Mens e-mail in the segment (dollars).</param>
/// <param name="WomensUplift">Same for the Womens e-mail.</param>
/// <param name="Best">Fraction of the segment the best possible policy gives each arm.</param>
/// <param name="Policies">Same for each given policy, in the order given.</param>
public sealed record SegmentRow(string Segment, double Share, double MensUplift, double WomensUplift, double[] Best,
                                double[][] Policies);

/// <summary>Runs marketing agents in a calibrated simulator and scores policies exactly (expected rewards over the
/// simulator's whole population). Immutable; <see cref="Run"/> mutates only the agent passed in.</summary>
public sealed class MarketingExperiment(CustomerPopulation population)
{
    public CustomerPopulation Population => population;

    /// <summary>Expected profit per 1,000 customers (dollars) and the fraction of customers per arm.</summary>
    public (double ProfitPer1000, double[] ArmFractions) Score(Func<Customer, EmailArm> policy)
    {
        double profit = 0;
        var counts = new double[EmailArms.Count];
        var customers = population.Customers;
        foreach (var c in customers)
        {
            var arm = policy(c);
            profit += population.ExpectedReward(c, arm);
            counts[(int)arm]++;
        }
        return (1000 * profit / customers.Count, counts.Select(n => n / customers.Count).ToArray());
    }

    /// <summary>The best possible policy (per customer, the arm of highest expected reward).</summary>
    public (double ProfitPer1000, double[] ArmFractions) Best() => Score(c => population.BestArm(c));

    /// <summary>Per coarse segment: size, mean uplift of each e-mail, and the arm fractions of the best policy and of
    /// each given policy.</summary>
    public IReadOnlyList<SegmentRow> Segments(IReadOnlyList<Func<Customer, EmailArm>> policies)
    {
        var customers = population.Customers;
        return customers.GroupBy(c => SegmentCell.Coarse(c)).OrderBy(g => g.Key).Select(g =>
        {
            var members = g.ToList();
            double[] Fractions(Func<Customer, EmailArm> p)
            {
                var f = new double[EmailArms.Count];
                foreach (var c in members) f[(int)p(c)] += 1.0 / members.Count;
                return f;
            }
            return new SegmentRow(SegmentCell.CoarseName(g.Key), (double)members.Count / customers.Count,
                members.Average(c => population.Uplift(c, EmailArm.Mens)), members.Average(c => population.Uplift(c, EmailArm.Womens)),
                Fractions(c => population.BestArm(c)), policies.Select(Fractions).ToArray());
        }).ToList();
    }

    /// <summary>Runs <paramref name="agent"/> on <paramref name="customers"/> customers of the stream seeded by
    /// <paramref name="seed"/> (the same stream for every agent with the same seed).</summary>
    public MarketingResult Run(IMarketingAgent agent, int customers, ulong seed, int regretEvery = 1000,
                               IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(regretEvery);
        var env = new MarketingEnvironment(population, seed);
        var rng = new Rng(seed ^ 0x5DEECE66DUL);
        var regret = new double[customers / regretEvery];
        double profit = 0, cumulative = 0;
        for (int t = 0; t < customers; t++)
        {
            double[] x = env.Reset();
            Customer c = env.Current;
            var arm = agent.Decide(x, rng);
            double reward = env.Step((int)arm).Reward;
            agent.Learn(x, arm, reward);
            profit += reward;
            cumulative += population.ExpectedReward(c, population.BestArm(c)) - population.ExpectedReward(c, arm);
            if ((t + 1) % regretEvery == 0)
            {
                regret[(t + 1) / regretEvery - 1] = cumulative;
                progress?.Report(t + 1);
            }
        }
        var (final, fractions) = Score(agent.AsPolicy());
        return new MarketingResult(agent.Name, 1000 * profit / customers, final, fractions, regret, regretEvery);
    }
}
