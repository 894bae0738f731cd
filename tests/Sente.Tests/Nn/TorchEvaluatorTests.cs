using Sente.Core.Games;
using Sente.Go;
using Sente.Nn.Blocks;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using static TorchSharp.torch;
using Sente.Core.Encoding;
using Sente.Go.Features;
using Sente.Lee.Features;

namespace Sente.Tests.Nn;

/// <summary>TorchEvaluator: legal-move priors, batching and concurrency consistency, symmetry averaging, bf16.</summary>
public class TorchEvaluatorTests
{
    public TorchEvaluatorTests() => NnTestUtil.Init();

    private const int Size = 5;

    private static ZeroNet TinyNet(long seed = 2)
    {
        random.manual_seed(seed);
        return new ZeroNet(new ModelConfig(ModelKind.Zero, Size, GoGame.ObservationPlanes, new TrunkConfig(TrunkKind.ResNet, 2, 8), ValueHidden: 16));
    }

    private static List<IGameState> Positions(int count, int seed = 3)
    {
        var game = new GoGame(Size);
        var rng = new Random(seed);
        var list = new List<IGameState>();
        var legal = new List<int>();
        for (int i = 0; i < count; i++)
        {
            var s = game.NewInitialState();
            int moves = rng.Next(0, 12);
            for (int m = 0; m < moves && !s.IsTerminal; m++)
            {
                s.LegalActions(legal);
                int a = legal[rng.Next(legal.Count)];
                if (a == Size * Size && legal.Count > 1) a = legal[0];
                s.Apply(a);
            }
            if (!s.IsTerminal) list.Add(s);
        }
        return list;
    }

    private static (float[] Priors, float[] Values) Run(TorchEvaluator ev, IReadOnlyList<IGameState> states)
    {
        int a = states[0].Game.NumActions;
        var p = new float[states.Count * a];
        var v = new float[states.Count];
        ev.Evaluate(states, p, v);
        return (p, v);
    }

    [Fact]
    public void PriorsAreDistributionsOverLegalMovesAndValuesAreTheSeededOnes()
    {
        var states = Positions(10);
        var ev = new TorchEvaluator(TinyNet(), new ObservationEncoder(new GoGame(Size)));
        var (p, v) = Run(ev, states);
        var legal = new List<int>();
        for (int i = 0; i < states.Count; i++)
        {
            states[i].LegalActions(legal);
            var row = p.AsSpan(i * (Size * Size + 1), Size * Size + 1).ToArray();
            Assert.Equal(1.0, row.Sum(), 4);
            for (int a = 0; a < row.Length; a++)
                if (!legal.Contains(a)) Assert.Equal(0f, row[a]);
                else Assert.True(row[a] > 0);
        }
        // Seeded network (TinyNet(2)): exact values, and they depend on the position (the input reaches the head).
        Assert.Equal(0.0925166681f, v[0], 5);
        Assert.Equal(0.0986966714f, v[1], 5);
        Assert.Equal(10, v.Distinct().Count());
    }

    [Fact]
    public void BatchingAndConcurrentCallsGiveTheSameResultsAsSingleCalls()
    {
        var states = Positions(12);
        var ev = new TorchEvaluator(TinyNet(), new ObservationEncoder(new GoGame(Size)), new TorchEvaluatorOptions(MaxBatch: 5));
        var (batchP, batchV) = Run(ev, states);
        int a = Size * Size + 1;
        var single = new float[states.Count][];
        Parallel.For(0, states.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var (p, v) = Run(ev, new[] { states[i] });
            single[i] = p.Append(v[0]).ToArray();
        });
        for (int i = 0; i < states.Count; i++)
        {
            for (int k = 0; k < a; k++) Assert.Equal(batchP[i * a + k], single[i][k], 4);
            Assert.Equal(batchV[i], single[i][a], 4);
        }
    }

    [Fact]
    public void SymmetryAveragingIsInvariantUnderBoardSymmetries()
    {
        var ev = new TorchEvaluator(TinyNet(), new ObservationEncoder(new GoGame(Size)), new TorchEvaluatorOptions(Symmetry: SymmetryMode.Average));
        var sym = Symmetry.For(Size);
        var moves = new[] { 6, 7, 12, 18, 1 };
        var game = new GoGame(Size);
        var original = game.NewInitialState();
        foreach (int m in moves) original.Apply(m);
        for (int s = 1; s < Symmetry.Count; s++)
        {
            var image = game.NewInitialState();
            foreach (int m in moves) image.Apply(sym.Map(s, m));
            var (p0, v0) = Run(ev, new[] { original });
            var (p1, v1) = Run(ev, new[] { image });
            Assert.Equal(v0[0], v1[0], 4);
            for (int point = 0; point <= Size * Size; point++) Assert.Equal(p0[point], p1[sym.Map(s, point)], 4);
        }
    }

    [Fact]
    public void RandomSymmetryStillGivesLegalDistributions()
    {
        var states = Positions(6);
        var ev = new TorchEvaluator(TinyNet(), new ObservationEncoder(new GoGame(Size)), new TorchEvaluatorOptions(Symmetry: SymmetryMode.Random, Seed: 9));
        var (p, _) = Run(ev, states);
        for (int i = 0; i < states.Count; i++) Assert.Equal(1.0, p.AsSpan(i * 26, 26).ToArray().Sum(), 4);
    }

    [Fact]
    public void BFloat16IsCloseToFloat32()
    {
        var states = Positions(8);
        var (p32, v32) = Run(new TorchEvaluator(TinyNet(5), new ObservationEncoder(new GoGame(Size))), states);
        var (p16, v16) = Run(new TorchEvaluator(TinyNet(5), new ObservationEncoder(new GoGame(Size)), new TorchEvaluatorOptions(BFloat16: true)), states);
        double meanAbs = p32.Zip(p16, (x, y) => Math.Abs(x - y)).Average();
        Assert.True(meanAbs < 0.01, $"mean |p32 - p16| = {meanAbs}");
        Assert.True(v32.Zip(v16, (x, y) => Math.Abs(x - y)).Max() < 0.05);
        Assert.False(p32.SequenceEqual(p16)); // bf16 really ran
    }

    [Fact]
    public void AlphaGoPairWithItsEncoderAndZeroNetWithLeelaZeroPlanesEvaluateGoStates()
    {
        var states = Positions(5);
        random.manual_seed(4);
        var alphaGo = new AlphaGoNet(new ModelConfig(ModelKind.AlphaGo, Size, 49, Filters: 8, Layers: 4, PassLogit: true, ValueHidden: 16));
        var zero = new ZeroNet(new ModelConfig(ModelKind.Zero, Size, 18, new TrunkConfig(TrunkKind.PreAct, 2, 8, NormKind.Layer), ValueHidden: 16));
        foreach (var ev in new[] { new TorchEvaluator(alphaGo, new AlphaGoEncoder(Size, colourPlane: true)),
                                   new TorchEvaluator(zero, StoneHistoryEncoder.LeelaZero18(Size), new TorchEvaluatorOptions(Symmetry: SymmetryMode.Average)) })
        {
            var (p, v) = Run(ev, states);
            for (int i = 0; i < states.Count; i++)
            {
                Assert.Equal(1.0, p.AsSpan(i * 26, 26).ToArray().Sum(), 4);
                // Each row of the batch is its own position's: evaluated alone, the same priors and value (both
                // evaluators are deterministic: no symmetry, and all 8 averaged).
                var (pi, vi) = Run(ev, [states[i]]);
                Assert.True(Math.Abs(v[i] - vi[0]) < 1e-5, $"value of position {i}: {v[i]} in the batch, {vi[0]} alone");
                for (int a = 0; a < 26; a++) Assert.True(Math.Abs(p[i * 26 + a] - pi[a]) < 1e-5, $"prior {a} of position {i}");
                // An illegal move (an occupied point) gets exactly 0.
                for (int a = 0; a < 25; a++) if (!states[i].IsLegal(a)) Assert.Equal(0f, p[i * 26 + a]);
            }
            Assert.True(v.Distinct().Count() > 1, "every position got the same value");
        }
    }

    [Fact]
    public void MismatchedEncoderIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new TorchEvaluator(TinyNet(), new ObservationEncoder(new GoGame(7))));
        Assert.Contains("encoder gives", e.Message);
    }
}
