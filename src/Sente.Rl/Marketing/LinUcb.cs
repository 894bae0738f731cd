using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>
/// LinUCB with disjoint linear models (Li, Chu, Langford, Schapire 2010, Algorithm 1): for each arm a, ridge
/// regression theta_a = A_a^-1 b_a of the reward (dollars) on the features, and the score
/// theta_a . x + alpha sqrt(x' A_a^-1 x). The inverse is kept up to date with the Sherman-Morrison formula (O(d^2)
/// per step). Arms: <see cref="EmailArm"/>. Not thread-safe.
/// </summary>
public sealed class LinUcb : IMarketingAgent
{
    private readonly int _d;
    private readonly double _alpha;
    private readonly double[][] _aInv, _b, _theta;
    private readonly double[] _tmp;

    /// <param name="dimension">Feature count.</param>
    /// <param name="alpha">Exploration width, in reward units (dollars).</param>
    /// <param name="ridge">lambda of the ridge prior A = lambda I.</param>
    public LinUcb(int dimension, double alpha, double ridge = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "must be >= 0");
        if (!(ridge > 0)) throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "must be positive");
        _d = dimension;
        _alpha = alpha;
        const int K = EmailArms.Count;
        _aInv = new double[K][];
        _b = new double[K][];
        _theta = new double[K][];
        for (int a = 0; a < K; a++)
        {
            _aInv[a] = new double[_d * _d];
            for (int i = 0; i < _d; i++) _aInv[a][i * _d + i] = 1 / ridge;
            _b[a] = new double[_d];
            _theta[a] = new double[_d];
        }
        _tmp = new double[_d];
    }

    public string Name => $"LinUCB (alpha {_alpha})";

    public EmailArm Decide(ReadOnlySpan<double> features, Rng rng) => Best(features, _alpha, rng);

    public EmailArm Exploit(ReadOnlySpan<double> features) => Best(features, 0, null);

    public void Learn(ReadOnlySpan<double> x, EmailArm arm, double reward)
    {
        int a = (int)arm;
        double[] inv = _aInv[a];
        // Sherman-Morrison: (A + x x')^-1 = A^-1 - (A^-1 x)(A^-1 x)' / (1 + x' A^-1 x)  (A symmetric).
        for (int i = 0; i < _d; i++)
        {
            double s = 0;
            for (int j = 0; j < _d; j++) s += inv[i * _d + j] * x[j];
            _tmp[i] = s;
        }
        double denom = 1;
        for (int i = 0; i < _d; i++) denom += x[i] * _tmp[i];
        for (int i = 0; i < _d; i++)
        for (int j = 0; j < _d; j++) inv[i * _d + j] -= _tmp[i] * _tmp[j] / denom;
        for (int i = 0; i < _d; i++) _b[a][i] += reward * x[i];
        for (int i = 0; i < _d; i++)
        {
            double s = 0;
            for (int j = 0; j < _d; j++) s += inv[i * _d + j] * _b[a][j];
            _theta[a][i] = s;
        }
    }

    /// <summary>The highest-scoring arm; exact ties are broken uniformly with <paramref name="rng"/>, or toward the
    /// lower index (no e-mail first) without one.</summary>
    private EmailArm Best(ReadOnlySpan<double> x, double alpha, Rng? rng)
    {
        int best = 0, ties = 1;
        double bestScore = Score(0, x, alpha);
        for (int a = 1; a < EmailArms.Count; a++)
        {
            double s = Score(a, x, alpha);
            if (s > bestScore) { best = a; bestScore = s; ties = 1; }
            else if (s == bestScore && rng is not null && rng.NextInt(++ties) == 0) best = a;
        }
        return (EmailArm)best;
    }

    private double Score(int a, ReadOnlySpan<double> x, double alpha)
    {
        double mean = 0;
        for (int i = 0; i < _d; i++) mean += _theta[a][i] * x[i];
        if (alpha == 0) return mean;
        double[] inv = _aInv[a];
        double q = 0;
        for (int i = 0; i < _d; i++)
        {
            double s = 0;
            for (int j = 0; j < _d; j++) s += inv[i * _d + j] * x[j];
            q += x[i] * s;
        }
        return mean + alpha * Math.Sqrt(Math.Max(0, q));
    }
}
