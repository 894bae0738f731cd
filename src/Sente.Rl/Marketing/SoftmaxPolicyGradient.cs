using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>
/// A softmax policy over the three arms, pi(a | x) proportional to exp(theta_a . x), trained by policy gradient
/// (REINFORCE for one-step episodes): theta_b += alpha (r - v(x)) (1[b = a] - pi(b | x)) x for every arm b, where a
/// is the arm taken, with a learned linear baseline v(x) = w . x (w += alpha_w (r - v(x)) x) to reduce variance.
/// Rewards are divided by <c>rewardScale</c> (dollars, about one purchase) so step sizes are unit-free. The
/// exploiting policy takes the arg max of the iterate average of theta (Polyak-Ruppert: the running mean of all
/// iterates, then a moving average over the last <c>averagingHorizon</c> updates), which removes most of the noise
/// of single stochastic-gradient iterates. Not thread-safe.
/// </summary>
public sealed class SoftmaxPolicyGradient : IMarketingAgent
{
    private const int K = EmailArms.Count;
    private readonly int _d;
    private readonly double _alpha, _baselineAlpha, _rewardScale;
    private readonly int _averagingHorizon;
    private readonly double[] _theta, _average, _w, _pi = new double[K];
    private long _updates;

    /// <param name="dimension">Feature count.</param>
    /// <param name="alpha">Policy step size (&gt; 0).</param>
    /// <param name="baselineAlpha">Baseline step size (&gt;= 0).</param>
    /// <param name="rewardScale">Dollars per reward unit (&gt; 0).</param>
    /// <param name="averagingHorizon">Window of the iterate average (&gt; 0).</param>
    public SoftmaxPolicyGradient(int dimension, double alpha = 0.1, double baselineAlpha = 0.01, double rewardScale = 100,
                                 int averagingHorizon = 50_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (!(alpha > 0)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "must be positive");
        if (!(baselineAlpha >= 0)) throw new ArgumentOutOfRangeException(nameof(baselineAlpha), baselineAlpha, "must be >= 0");
        if (!(rewardScale > 0)) throw new ArgumentOutOfRangeException(nameof(rewardScale), rewardScale, "must be positive");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(averagingHorizon);
        (_d, _alpha, _baselineAlpha, _rewardScale, _averagingHorizon) = (dimension, alpha, baselineAlpha, rewardScale, averagingHorizon);
        _theta = new double[K * dimension];
        _average = new double[K * dimension];
        _w = new double[dimension];
    }

    public string Name => $"softmax policy gradient (alpha {_alpha})";

    /// <summary>pi(arm | x) of the current (not averaged) parameters.</summary>
    public double Probability(ReadOnlySpan<double> x, EmailArm arm)
    {
        Softmax(x);
        return _pi[(int)arm];
    }

    public EmailArm Decide(ReadOnlySpan<double> features, Rng rng)
    {
        Softmax(features);
        double u = rng.NextDouble();
        for (int a = 0; a < K - 1; a++)
        {
            u -= _pi[a];
            if (u < 0) return (EmailArm)a;
        }
        return (EmailArm)(K - 1);
    }

    public EmailArm Exploit(ReadOnlySpan<double> features)
    {
        int best = 0;
        double bestScore = Dot(_average, 0, features);
        for (int a = 1; a < K; a++)
        {
            double s = Dot(_average, a, features);
            if (s > bestScore) { best = a; bestScore = s; }
        }
        return (EmailArm)best;
    }

    public void Learn(ReadOnlySpan<double> x, EmailArm arm, double reward)
    {
        double r = reward / _rewardScale;
        double baseline = 0;
        for (int i = 0; i < _d; i++) baseline += _w[i] * x[i];
        double advantage = r - baseline;
        Softmax(x);
        for (int b = 0; b < K; b++)
        {
            double g = _alpha * advantage * ((b == (int)arm ? 1 : 0) - _pi[b]);
            for (int i = 0; i < _d; i++) _theta[b * _d + i] += g * x[i];
        }
        for (int i = 0; i < _d; i++) _w[i] += _baselineAlpha * advantage * x[i];
        _updates++;
        double rate = 1.0 / Math.Min(_updates, _averagingHorizon);
        for (int i = 0; i < _theta.Length; i++) _average[i] += rate * (_theta[i] - _average[i]);
    }

    private void Softmax(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        for (int a = 0; a < K; a++) max = Math.Max(max, _pi[a] = Dot(_theta, a, x));
        double sum = 0;
        for (int a = 0; a < K; a++) sum += _pi[a] = Math.Exp(_pi[a] - max);
        for (int a = 0; a < K; a++) _pi[a] /= sum;
    }

    private double Dot(double[] parameters, int arm, ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < _d; i++) s += parameters[arm * _d + i] * x[i];
        return s;
    }
}
