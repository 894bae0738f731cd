using Sente.Core;

namespace Sente.Rl.Bandits;

/// <summary>
/// Epsilon-greedy action values (Sec. 2.2-2.6): explore uniformly with probability epsilon, otherwise take the arm
/// with the largest estimate (ties at random). Estimates start at <c>initialValue</c> (optimistic when large) and
/// move by sample averages (<c>stepSize</c> null) or by a constant step size alpha.
/// </summary>
public sealed class EpsilonGreedy : IBanditAgent
{
    private readonly double[] _q;
    private readonly int[] _n;
    private readonly double _epsilon;
    private readonly double? _stepSize;

    public EpsilonGreedy(int arms, double epsilon, double initialValue = 0, double? stepSize = null)
    {
        if (epsilon is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(epsilon));
        _q = new double[arms];
        Array.Fill(_q, initialValue);
        _n = new int[arms];
        _epsilon = epsilon;
        _stepSize = stepSize;
    }

    public ReadOnlySpan<double> Estimates => _q;

    public int SelectAction(Rng rng) =>
        _epsilon > 0 && rng.NextDouble() < _epsilon ? rng.NextInt(_q.Length) : BanditMath.ArgMaxRandomTies(_q, rng);

    public void Update(int action, double reward)
    {
        _n[action]++;
        double alpha = _stepSize ?? 1.0 / _n[action];
        _q[action] += alpha * (reward - _q[action]);
    }
}
