using Sente.Core;
using Sente.Rl.Marketing;

namespace Sente.Tests.Rl;

public class MarketingTests
{
    private static readonly CustomerPopulation Population = CustomerPopulation.Calibrated(0.5);

    [Fact]
    public void CalibrationReproducesThePublishedHillstromAverages()
    {
        var rng = new Rng(123); // a fresh sample, not the calibration sample
        double p0 = 0, p1 = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            var c = CustomerPopulation.Draw(rng);
            p0 += Population.ConversionWithout(c);
            p1 += Population.ConversionWith(c);
        }
        p0 /= n; p1 /= n;
        Assert.InRange(p0, 0.0057 * 0.98, 0.0057 * 1.02);
        Assert.InRange(p1, 0.0125 * 0.98, 0.0125 * 1.02);
        // Spend per customer: published $0.6528 without and $1.4226 with the Mens e-mail.
        Assert.InRange(p0 * CustomerPopulation.RevenuePerConversion, 0.64, 0.67);
        Assert.InRange(p1 * CustomerPopulation.RevenuePerConversion, 1.39, 1.46);
    }

    [Fact]
    public void UpliftDiffersBySegmentSoTheBestPolicyIsSelective()
    {
        var newMens = new Customer(1, 150, true, false, true);
        var oldWomens = new Customer(12, 150, false, true, false);
        Assert.True(Population.Uplift(newMens) > 5 * Population.Uplift(oldWomens));
        Assert.True(Population.BestDecision(newMens));
        Assert.False(Population.BestDecision(oldWomens));
        var experiment = new MarketingExperiment(Population, evaluationSize: 50_000);
        var (best, fraction) = experiment.Best();
        var always = experiment.Score((_, _) => true).ProfitPer1000;
        var never = experiment.Score((_, _) => false).ProfitPer1000;
        Assert.InRange(fraction, 0.2, 0.8);
        Assert.True(best > always && best > never, $"best {best} always {always} never {never}");
    }

    [Fact]
    public void EnvironmentRewardsRevenueMinusCost()
    {
        var env = new MarketingEnvironment(Population, seed: 4);
        double sumSent = 0;
        for (int i = 0; i < 2000; i++)
        {
            var x = env.Reset();
            Assert.Equal(Customer.FeatureCount, x.Length);
            var step = env.Step(MarketingEnvironment.Send);
            Assert.True(step.Terminated);
            Assert.Contains(step.Reward, new[] { -0.5, CustomerPopulation.RevenuePerConversion - 0.5 });
            sumSent += step.Reward;
        }
        Assert.Throws<InvalidOperationException>(() => env.Step(0));
    }

    /// <summary>Three learning streams of 200,000 customers (seeds not used for tuning): the learned policy beats
    /// always-send and never-send on every stream and, on average, closes at least 60% of always-send's gap to the
    /// best possible policy.</summary>
    [Theory]
    [InlineData("linucb")]
    [InlineData("policy-gradient")]
    public void LearnedContextualPolicyBeatsAlwaysAndNeverAndComesCloseToBest(string agentName)
    {
        var experiment = new MarketingExperiment(Population, evaluationSize: 50_000);
        double best = experiment.Best().ProfitPer1000;
        double always = experiment.Score((_, _) => true).ProfitPer1000;
        double never = experiment.Score((_, _) => false).ProfitPer1000;
        var gaps = new List<double>();
        for (ulong seed = 11; seed <= 13; seed++)
        {
            IMarketingAgent agent = agentName == "linucb"
                ? new LinUcb(Customer.FeatureCount, alpha: 20)
                : new LogisticPolicyGradient(Customer.FeatureCount, alpha: 0.1);
            double profit = experiment.Run(agent, 200_000, seed).FinalProfitPer1000;
            Assert.True(profit > always && profit > never, $"{agentName} seed {seed}: {profit}, always {always}, never {never}");
            gaps.Add(best - profit);
        }
        Assert.True(gaps.Average() < 0.4 * (best - always),
            $"{agentName}: gaps {string.Join(", ", gaps.Select(g => g.ToString("0.0")))}; best {best}, always {always}");
    }

    [Fact]
    public void ContextFreeBanditLearnsToAlwaysSend()
    {
        var experiment = new MarketingExperiment(Population, evaluationSize: 10_000);
        var result = experiment.Run(new ContextFreeBandit(), 50_000, seed: 2);
        Assert.Equal(1.0, result.FinalSendFraction);
    }
}
