using Sente.Core;

namespace Sente.Rl.Bandits;

/// <summary>
/// The gradient bandit (Sec. 2.8): softmax preferences H updated by stochastic gradient ascent,
/// H(a) += alpha (R - baseline) (1[a = A] - pi(a)). The baseline is the running average of all rewards
/// (including the current one) or 0 when disabled.
/// </summary>
public sealed class GradientBandit(int arms, double alpha, bool baseline) : IBanditAgent
{
    private readonly double[] _h = new double[arms];
    private readonly double[] _pi = new double[arms];
    private double _average;
    private int _t;

    public int SelectAction(Rng rng)
    {
        BanditMath.Softmax(_h, _pi);
        return BanditMath.Sample(_pi, rng);
    }

    public void Update(int action, double reward)
    {
        _t++;
        _average += (reward - _average) / _t;
        double advantage = reward - (baseline ? _average : 0);
        BanditMath.Softmax(_h, _pi);
        for (int a = 0; a < _h.Length; a++)
            _h[a] += alpha * advantage * ((a == action ? 1 : 0) - _pi[a]);
    }
}
