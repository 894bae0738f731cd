namespace Sente.Rl.Marketing;

/// <summary>One policy at one cost: offline estimates on the held-out rows and the simulator's expected profit.</summary>
/// <param name="Policy">Policy name (with what it was trained on).</param>
/// <param name="Learned">True for the contextual policies learned from the training rows (per-segment, LinUCB, policy
/// gradient).</param>
/// <param name="Replay">Replay estimate on the held-out rows (dollars per customer).</param>
/// <param name="Ips">Inverse-propensity estimate on the held-out rows.</param>
/// <param name="SimulatorPer1000">Expected profit per 1,000 customers in the simulator calibrated on the held-out rows.</param>
/// <param name="ArmFractions">Fraction of the held-out customers the policy gives each arm (index = arm).</param>
public sealed record StudyRow(string Policy, bool Learned, OffPolicyEstimate Replay, OffPolicyEstimate Ips,
                              double SimulatorPer1000, double[] ArmFractions);

/// <summary>
/// The marketing agent on the real log: splits the Hillstrom log into a training and a held-out part, calibrates a
/// simulator on each, trains the policies (on the training simulator or by replay on the training rows) and
/// evaluates every policy on the held-out rows offline (replay and IPS) and in the held-out simulator. Nothing the
/// policies learn comes from the held-out rows. Deterministic for a seed. Stateless.
/// </summary>
public static class MarketingStudy
{
    /// <summary>Number of policies <see cref="Run"/> reports per cost.</summary>
    public const int PolicyCount = 9;

    /// <summary>Runs the study at one cost per e-mail (dollars); <paramref name="progress"/> counts trained policies.</summary>
    public static IReadOnlyList<StudyRow> Run(IReadOnlyList<HillstromRow> train, IReadOnlyList<HillstromRow> holdout, double cost,
                                              MarketingStudyOptions options, IProgress<int>? progress = null)
    {
        options.Validate();
        var trainSim = CustomerPopulation.Calibrate(train, cost, options.PriorRows);
        var holdoutSim = CustomerPopulation.Calibrate(holdout, cost, options.PriorRows);
        var evaluation = new MarketingExperiment(holdoutSim);
        var training = new MarketingExperiment(trainSim);
        int trained = 0;
        Func<Customer, EmailArm> Learn(IMarketingAgent agent, bool onLog)
        {
            if (onLog) LogReplayTraining.Train(agent, train, cost, options.ReplayPasses, options.Seed + 17);
            else training.Run(agent, options.SimulatorCustomers, options.Seed + 29, regretEvery: options.SimulatorCustomers);
            progress?.Report(++trained);
            return agent.AsPolicy();
        }
        var policies = new List<(string Name, bool Learned, Func<Customer, EmailArm> Policy)>
        {
            ("never send", false, _ => EmailArm.None),
            ("always Mens", false, _ => EmailArm.Mens),
            ("always Womens", false, _ => EmailArm.Womens),
            ("per-segment best (training cells)", true, c => trainSim.BestArm(c)),
            ("safe per-segment (95% lower bound)", true, SafeSegmentPolicy.Fit(train, cost).Choose),
            ("LinUCB, trained in simulator", true, Learn(new LinUcb(Customer.FeatureCount, options.LinUcbAlpha), onLog: false)),
            ("LinUCB, trained on log (replay)", true, Learn(new LinUcb(Customer.FeatureCount, options.LinUcbAlpha), onLog: true)),
            ("policy gradient, trained in simulator", true,
                Learn(new SoftmaxPolicyGradient(Customer.FeatureCount, options.PgAlpha), onLog: false)),
            ("policy gradient, trained on log (replay)", true,
                Learn(new SoftmaxPolicyGradient(Customer.FeatureCount, options.PgAlpha), onLog: true)),
        };
        return policies.Select(p =>
        {
            var fractions = new double[EmailArms.Count];
            foreach (var row in holdout) fractions[(int)p.Policy(row.Customer)] += 1.0 / holdout.Count;
            return new StudyRow(p.Name, p.Learned, OfflineEvaluation.Replay(holdout, p.Policy, cost),
                OfflineEvaluation.Ips(holdout, p.Policy, cost), evaluation.Score(p.Policy).ProfitPer1000, fractions);
        }).ToList();
    }
}
