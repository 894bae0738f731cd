using Sente.Core;

namespace Sente.Search;

/// <summary>Dirichlet and Gamma sampling (Marsaglia-Tsang) from a seeded <see cref="Rng"/>.</summary>
public static class Dirichlet
{
    /// <summary>Fills <paramref name="destination"/> with one Dirichlet(alpha, ..., alpha) sample: non-negative, sums to 1.</summary>
    public static void Sample(Rng rng, double alpha, Span<double> destination)
    {
        if (!(alpha > 0)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "must be > 0");
        if (destination.IsEmpty) return;
        double sum = 0;
        for (int i = 0; i < destination.Length; i++) sum += destination[i] = Gamma(rng, alpha);
        if (!(sum > 0))
        {
            // Every sample underflowed (tiny alpha): the limit puts all mass on one component.
            destination.Clear();
            destination[rng.NextInt(destination.Length)] = 1;
            return;
        }
        for (int i = 0; i < destination.Length; i++) destination[i] /= sum;
    }

    /// <summary>A Gamma(shape, 1) sample.</summary>
    public static double Gamma(Rng rng, double shape)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) * U^(1/a)
            double u = 1.0 - rng.NextDouble();
            return Gamma(rng, shape + 1) * Math.Pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = rng.NextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1.0 - rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
