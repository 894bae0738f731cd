using Sente.Core;

namespace Sente.Rl.Bandits;

/// <summary>
/// Upper-confidence-bound action selection (Sec. 2.7): argmax Q(a) + c sqrt(ln t / N(a)), where an untried arm
/// counts as maximising; sample-average estimates.
/// </summary>
public sealed class Ucb(int arms, double c) : IBanditAgent
{
    private readonly double[] _q = new double[arms];
    private readonly int[] _n = new int[arms];
    private readonly double[] _scores = new double[arms];
    private int _t;

    public int SelectAction(Rng rng)
    {
        double logT = Math.Log(_t + 1);
        for (int a = 0; a < _q.Length; a++)
            _scores[a] = _n[a] == 0 ? double.PositiveInfinity : _q[a] + c * Math.Sqrt(logT / _n[a]);
        return BanditMath.ArgMaxRandomTies(_scores, rng);
    }

    public void Update(int action, double reward)
    {
        _t++;
        _n[action]++;
        _q[action] += (reward - _q[action]) / _n[action];
    }
}
