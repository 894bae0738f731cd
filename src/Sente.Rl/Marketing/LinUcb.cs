using Sente.Core;

namespace Sente.Rl.Marketing;

/// <summary>
/// LinUCB with disjoint linear models (Li, Chu, Langford, Schapire 2010, Algorithm 1): for each arm a, ridge
/// regression theta_a = A_a^-1 b_a of the reward on the features, and the score theta_a . x + alpha sqrt(x' A_a^-1 x).
/// The inverse is kept up to date with the Sherman-Morrison formula (O(d^2) per step). Arms: 0 don't send, 1 send.
/// </summary>
public sealed class LinUcb : IMarketingAgent
{
    private readonly int _d;
    private readonly double _alpha;
    private readonly double[][] _aInv, _b, _theta;
    private readonly double[] _tmp;

    /// <param name="alpha">Exploration width, in reward units (dollars).</param>
    /// <param name="ridge">lambda of the ridge prior A = lambda I.</param>
    public LinUcb(int dimension, double alpha, double ridge = 1.0)
    {
        _d = dimension;
        _alpha = alpha;
        _aInv = new double[2][];
        _b = new double[2][];
        _theta = new double[2][];
        for (int a = 0; a < 2; a++)
        {
            _aInv[a] = new double[_d * _d];
            for (int i = 0; i < _d; i++) _aInv[a][i * _d + i] = 1 / ridge;
            _b[a] = new double[_d];
            _theta[a] = new double[_d];
        }
        _tmp = new double[_d];
    }

    public string Name => $"LinUCB (alpha {_alpha})";

    public bool Decide(ReadOnlySpan<double> features, Rng rng)
    {
        double s0 = Score(0, features, _alpha), s1 = Score(1, features, _alpha);
        return s1 == s0 ? rng.NextInt(2) == 1 : s1 > s0;
    }

    public bool Exploit(ReadOnlySpan<double> features) => Score(1, features, 0) > Score(0, features, 0);

    public void Learn(ReadOnlySpan<double> x, bool sent, double reward)
    {
        int a = sent ? 1 : 0;
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
