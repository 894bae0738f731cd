using Sente.Core.Encoding;

namespace Sente.Tests.Core;

/// <summary>The 8 board symmetries: Leela Zero's id bits, round trips of planes and policies, group structure.</summary>
public class SymmetryTests
{
    [Fact]
    public void IdsFollowLeelaZeroBits()
    {
        const int n = 5;
        Assert.Equal(1 * n + 2, Symmetry.Apply(0, 2, 1, n));          // identity
        Assert.Equal(3 * n + 2, Symmetry.Apply(1, 2, 1, n));          // flip y: y -> 4 - 1
        Assert.Equal(1 * n + 2, Symmetry.Apply(2, 2, 1, n));          // flip x: x -> 4 - 2 = 2
        Assert.Equal(1 * n + 0, Symmetry.Apply(2, 4, 1, n));
        Assert.Equal(2 * n + 1, Symmetry.Apply(4, 2, 1, n));          // transpose
        Assert.Equal(2 * n + 3, Symmetry.Apply(6, 2, 1, n));          // transpose, then flip x
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(19)]
    public void EverySymmetryIsAPermutationWithAnInverseAndTheyFormAGroup(int size)
    {
        var sym = Symmetry.For(size);
        int n = size * size;
        var images = new HashSet<string>();
        for (int s = 0; s < Symmetry.Count; s++)
        {
            var f = sym.Forward(s).ToArray();
            Assert.Equal(Enumerable.Range(0, n), f.OrderBy(p => p));
            int inv = sym.InverseId(s);
            for (int p = 0; p < n; p++) Assert.Equal(p, sym.Map(inv, sym.Map(s, p)));
            Assert.Equal(n, sym.Map(s, n)); // pass is fixed
            // Composition stays in the set of 8.
            for (int t = 0; t < Symmetry.Count; t++)
            {
                var composed = Enumerable.Range(0, n).Select(p => sym.Map(t, sym.Map(s, p))).ToArray();
                Assert.Contains(Enumerable.Range(0, Symmetry.Count), u => Enumerable.Range(0, n).All(p => sym.Map(u, p) == composed[p]));
            }
            images.Add(string.Join(",", f));
        }
        if (size > 1) Assert.Equal(8, images.Count); // all distinct
        Assert.Equal(5, sym.InverseId(6));
        Assert.Equal(6, sym.InverseId(5));
    }

    [Fact]
    public void PlanesAndPoliciesRoundTrip()
    {
        const int size = 7, planes = 3, n = size * size;
        var sym = Symmetry.For(size);
        var rng = new Random(4);
        float[] input = Enumerable.Range(0, planes * n).Select(_ => (float)rng.NextDouble()).ToArray();
        float[] policy = Enumerable.Range(0, n + 1).Select(_ => (float)rng.NextDouble()).ToArray();
        for (int s = 0; s < Symmetry.Count; s++)
        {
            var t = new float[planes * n];
            var back = new float[planes * n];
            sym.TransformPlanes(s, input, t, planes);
            sym.TransformPlanes(sym.InverseId(s), t, back, planes);
            Assert.Equal(input, back);

            // A "network" whose policy is its first input plane is equivariant: mapping its output back recovers
            // the policy of the untransformed input exactly.
            var tp = new float[n + 1];
            sym.TransformPolicy(s, policy, tp);
            var mapped = new float[n + 1];
            sym.PolicyBack(s, tp, mapped);
            Assert.Equal(policy, mapped);
            var firstPlane = t.AsSpan(0, n).ToArray().Append(0f).ToArray();
            var recovered = new float[n + 1];
            sym.PolicyBack(s, firstPlane, recovered);
            Assert.Equal(input.AsSpan(0, n).ToArray(), recovered.AsSpan(0, n).ToArray());
        }
    }
}
