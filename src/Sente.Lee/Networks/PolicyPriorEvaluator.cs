using Sente.Nn.Models;

namespace Sente.Lee.Networks;

/// <summary>
/// AlphaGo's SL (or RL) policy network as the prior source of APV-MCTS: priors = softmax(logits / beta) over the legal
/// moves (AlphaGo: beta = 0.67, sharper than the trained softmax). The value is 0 (APV-MCTS takes values elsewhere).
/// Thread-safe.
/// </summary>
public sealed class PolicyPriorEvaluator : LeeNetEvaluator
{
    private readonly double _beta;

    public PolicyPriorEvaluator(AlphaGoPolicyNet net, double beta = 0.67, string device = "cpu", ulong seed = 1)
        : base(net, net.Config.BoardSize, net.Config.InputPlanes, net.Config.NumActions, device, seed)
    {
        if (!(beta > 0) || !double.IsFinite(beta)) throw new ArgumentException($"softmax temperature beta must be > 0, got {beta}");
        if (net.Config.InputPlanes > 48) throw new ArgumentException($"a policy network reads at most 48 planes, this one {net.Config.InputPlanes}");
        _beta = beta;
    }

    /// <summary>The softmax temperature.</summary>
    public double Beta => _beta;

    protected override void Fill(ReadOnlySpan<float> output, List<int> legal, Span<float> priors, ref float value)
    {
        priors.Clear();
        value = 0;
        if (legal.Count == 0) return;
        double max = double.NegativeInfinity;
        foreach (int a in legal) max = Math.Max(max, output[a] / _beta);
        double sum = 0;
        foreach (int a in legal) sum += Math.Exp(output[a] / _beta - max);
        foreach (int a in legal) priors[a] = (float)(Math.Exp(output[a] / _beta - max) / sum);
    }
}
