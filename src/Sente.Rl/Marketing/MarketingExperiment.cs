using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>Outcome of one agent on a stream of customers.</summary>
/// <param name="OnlineProfitPer1000">Realised profit per 1,000 customers while learning.</param>
/// <param name="FinalProfitPer1000">Expected profit per 1,000 customers of the final (exploiting) policy, computed
/// exactly from the model on a fixed evaluation sample.</param>
/// <param name="FinalSendFraction">Fraction of the evaluation sample the final policy e-mails.</param>
/// <param name="CumulativeRegret">Expected regret against the best possible policy, summed over the stream, at
/// customers (i + 1) * RegretEvery.</param>
public sealed record MarketingResult(string Agent, double OnlineProfitPer1000, double FinalProfitPer1000,
                                     double FinalSendFraction, double[] CumulativeRegret, int RegretEvery);

/// <summary>How a segment of the evaluation sample is treated.</summary>
/// <param name="Share">Fraction of customers in the segment.</param>
/// <param name="UpliftValue">Mean expected extra revenue of e-mailing a customer of the segment (dollars).</param>
/// <param name="BestSendFraction">Fraction the best possible policy e-mails.</param>
/// <param name="SendFractions">Fraction each agent's exploiting policy e-mails, in the order given.</param>
public sealed record SegmentRow(string Segment, double Share, double UpliftValue, double BestSendFraction, double[] SendFractions);

/// <summary>Runs marketing agents on the simulated population and scores them against the best possible policy.</summary>
public sealed class MarketingExperiment
{
    private readonly CustomerPopulation _population;
    private readonly Customer[] _evaluation;
    private readonly double[][] _evaluationFeatures;

    /// <param name="evaluationSize">Customers in the fixed sample used to score final policies.</param>
    public MarketingExperiment(CustomerPopulation population, int evaluationSize = 100_000, ulong evaluationSeed = 99)
    {
        _population = population;
        var rng = new Rng(evaluationSeed);
        _evaluation = new Customer[evaluationSize];
        _evaluationFeatures = new double[evaluationSize][];
        for (int i = 0; i < evaluationSize; i++)
        {
            _evaluation[i] = CustomerPopulation.Draw(rng);
            _evaluationFeatures[i] = new double[Customer.FeatureCount];
            _evaluation[i].WriteFeatures(_evaluationFeatures[i]);
        }
    }

    public CustomerPopulation Population => _population;

    /// <summary>Expected profit per 1,000 customers and send fraction of a policy on the evaluation sample.</summary>
    public (double ProfitPer1000, double SendFraction) Score(Func<Customer, double[], bool> policy)
    {
        double profit = 0;
        int sent = 0;
        for (int i = 0; i < _evaluation.Length; i++)
        {
            bool send = policy(_evaluation[i], _evaluationFeatures[i]);
            profit += _population.ExpectedReward(_evaluation[i], send);
            if (send) sent++;
        }
        return (1000 * profit / _evaluation.Length, (double)sent / _evaluation.Length);
    }

    /// <summary>Per segment (<see cref="Customer.Segment"/>) of the evaluation sample: size, mean uplift value, and
    /// the fraction e-mailed by the best policy and by each agent's exploiting policy; highest uplift first.</summary>
    public IReadOnlyList<SegmentRow> Segments(IReadOnlyList<IMarketingAgent> agents)
    {
        var rows = new List<SegmentRow>();
        foreach (var group in Enumerable.Range(0, _evaluation.Length).GroupBy(i => _evaluation[i].Segment))
        {
            int[] idx = group.ToArray();
            double uplift = idx.Average(i => CustomerPopulation.RevenuePerConversion * _population.Uplift(_evaluation[i]));
            double best = idx.Average(i => _population.BestDecision(_evaluation[i]) ? 1.0 : 0.0);
            double[] fractions = agents.Select(a => idx.Average(i => a.Exploit(_evaluationFeatures[i]) ? 1.0 : 0.0)).ToArray();
            rows.Add(new SegmentRow(group.Key, (double)idx.Length / _evaluation.Length, uplift, best, fractions));
        }
        return rows.OrderByDescending(r => r.UpliftValue).ToList();
    }

    /// <summary>The best possible policy's expected profit per 1,000 customers and send fraction.</summary>
    public (double ProfitPer1000, double SendFraction) Best() => Score((c, _) => _population.BestDecision(c));

    /// <summary>Runs <paramref name="agent"/> on <paramref name="customers"/> customers from the stream seeded by
    /// <paramref name="seed"/> (the same stream for every agent with the same seed).</summary>
    public MarketingResult Run(IMarketingAgent agent, int customers, ulong seed, int regretEvery = 1000,
                               IProgress<int>? progress = null)
    {
        var env = new MarketingEnvironment(_population, seed);
        var rng = new Rng(seed ^ 0x5DEECE66DUL);
        var regret = new double[customers / regretEvery];
        double profit = 0, cumulative = 0;
        for (int t = 0; t < customers; t++)
        {
            double[] x = env.Reset();
            Customer c = env.Current;
            bool send = agent.Decide(x, rng);
            double reward = env.Step(send ? MarketingEnvironment.Send : MarketingEnvironment.DontSend).Reward;
            agent.Learn(x, send, reward);
            profit += reward;
            bool best = _population.BestDecision(c);
            cumulative += _population.ExpectedReward(c, best) - _population.ExpectedReward(c, send);
            if ((t + 1) % regretEvery == 0)
            {
                regret[(t + 1) / regretEvery - 1] = cumulative;
                progress?.Report(t + 1);
            }
        }
        var (final, fraction) = Score((_, f) => agent.Exploit(f));
        return new MarketingResult(agent.Name, 1000 * profit / customers, final, fraction, regret, regretEvery);
    }
}
