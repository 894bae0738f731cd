using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>
/// A logistic policy pi(send | x) = sigmoid(theta . x) trained by policy gradient (REINFORCE for one-step episodes):
/// theta += alpha (r - b(x)) (a - pi(send | x)) x, where a = 1 if sent, with a learned linear baseline
/// b(x) = w . x (w += alpha_w (r - b(x)) x) to reduce variance. Rewards are divided by <c>rewardScale</c> (the
/// revenue of one purchase) so step sizes are unit-free. The exploiting policy uses the iterate average of theta
/// (Polyak-Ruppert: the running mean of all iterates, then a moving average over the last <c>averagingHorizon</c>
/// updates), which removes most of the noise of single stochastic-gradient iterates, and sends when
/// pi(send | x) &gt; 1/2.
/// </summary>
public sealed class LogisticPolicyGradient(int dimension, double alpha = 0.1, double baselineAlpha = 0.01,
                                           double rewardScale = 100, int averagingHorizon = 50_000) : IMarketingAgent
{
    private readonly double[] _theta = new double[dimension];
    private readonly double[] _average = new double[dimension];
    private readonly double[] _w = new double[dimension];
    private long _updates;

    public string Name => $"logistic policy gradient (alpha {alpha})";

    public double SendProbability(ReadOnlySpan<double> x) => 1 / (1 + Math.Exp(-Dot(_theta, x)));

    public bool Decide(ReadOnlySpan<double> features, Rng rng) => rng.NextDouble() < SendProbability(features);

    public bool Exploit(ReadOnlySpan<double> features) => Dot(_average, features) > 0;

    public void Learn(ReadOnlySpan<double> x, bool sent, double reward)
    {
        double r = reward / rewardScale;
        double advantage = r - Dot(_w, x);
        double grad = (sent ? 1 : 0) - SendProbability(x);
        for (int i = 0; i < x.Length; i++)
        {
            _theta[i] += alpha * advantage * grad * x[i];
            _w[i] += baselineAlpha * advantage * x[i];
        }
        _updates++;
        double rate = 1.0 / Math.Min(_updates, averagingHorizon);
        for (int i = 0; i < _theta.Length; i++) _average[i] += rate * (_theta[i] - _average[i]);
    }

    private static double Dot(double[] a, ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += a[i] * x[i];
        return s;
    }
}
