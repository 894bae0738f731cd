using Sente.Core;

namespace Sente.Rl.Bandits;

/// <summary>
/// One task of the k-armed testbed (Sec. 2.3): true values q*(a) ~ N(mean, 1), rewards ~ N(q*(A), 1).
/// </summary>
public sealed class Testbed
{
    private readonly double[] _q;

    /// <summary>Draws a task's true values from <paramref name="rng"/>.</summary>
    public Testbed(int arms, Rng rng, double mean = 0)
    {
        _q = new double[arms];
        for (int a = 0; a < arms; a++) _q[a] = mean + rng.NextGaussian();
        OptimalArm = 0;
        for (int a = 1; a < arms; a++) if (_q[a] > _q[OptimalArm]) OptimalArm = a;
    }

    public int Arms => _q.Length;
    public ReadOnlySpan<double> TrueValues => _q;
    public int OptimalArm { get; }

    /// <summary>A reward for pulling <paramref name="arm"/>.</summary>
    public double Pull(int arm, Rng rng) => _q[arm] + rng.NextGaussian();
}
