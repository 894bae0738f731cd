using Sente.Core;

namespace Sente.Tests.Core;

public class RngTests
{
    [Fact]
    public void SameSeedGivesSameSequenceAndDifferentSeedsDiffer()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        var c = new Rng(43);
        ulong[] sa = Enumerable.Range(0, 16).Select(_ => a.NextUInt64()).ToArray();
        ulong[] sb = Enumerable.Range(0, 16).Select(_ => b.NextUInt64()).ToArray();
        ulong[] sc = Enumerable.Range(0, 16).Select(_ => c.NextUInt64()).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void NextIntIsInRangeAndRoughlyUniform()
    {
        var rng = new Rng(7);
        var counts = new int[10];
        const int n = 100_000;
        for (int i = 0; i < n; i++) counts[rng.NextInt(10)]++;
        // Chi-square with 9 degrees of freedom: 99.9% quantile is 27.9.
        double chi2 = counts.Sum(c => Math.Pow(c - n / 10.0, 2) / (n / 10.0));
        Assert.True(chi2 < 27.9, $"chi2 = {chi2}");
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }

    [Fact]
    public void GaussianHasUnitMoments()
    {
        var rng = new Rng(3);
        double[] xs = Enumerable.Range(0, 200_000).Select(_ => rng.NextGaussian()).ToArray();
        double mean = xs.Average();
        double variance = xs.Select(x => (x - mean) * (x - mean)).Average();
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
    }
}
