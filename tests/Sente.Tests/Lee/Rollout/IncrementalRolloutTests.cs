using Sente.Core;
using Sente.Go;
using Sente.Nn.Checkpoints;
using Sente.Lee.Rollout;
using Xunit;

namespace Sente.Tests.Lee.Rollout;

/// <summary>The incremental rollout selector against the full-rescore <see cref="RolloutPolicy.Evaluate"/>.</summary>
public class IncrementalRolloutTests
{
    private static RolloutPolicy RandomPolicy(ulong seed, double scale)
    {
        var rng = new Rng(seed);
        var w = new float[RolloutFeatures.Count];
        for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextGaussian() * scale);
        return new RolloutPolicy(w);
    }

    /// <summary>Plays random games (random colour order, passes, captures, ko) and compares, at every position, both
    /// colours' incremental probabilities with the full rescore's and the most probable move with its argmax.</summary>
    [Theory]
    [InlineData(5, 1UL, 40)]
    [InlineData(7, 2UL, 30)]
    [InlineData(9, 3UL, 20)]
    [InlineData(19, 4UL, 2)]
    public void IncrementalProbabilitiesEqualTheFullRescore(int size, ulong seed, int games)
    {
        var policy = RandomPolicy(seed, 1.0);
        var inc = new IncrementalRollout(policy, size);
        var ws = new RolloutPolicy.Workspace();
        var rng = new Rng(seed + 100);
        var probs = new double[size * size];
        var expected = new double[size * size];
        int compared = 0, captures = 0;
        for (int g = 0; g < games; g++)
        {
            inc.Reset(new Board(size));
            int last = -1;
            for (int m = 0; m < 3 * size * size; m++)
            {
                foreach (int lastMove in new[] { last, -1 })
                foreach (Stone c in new[] { Stone.Black, Stone.White })
                {
                    int count = policy.Evaluate(inc.Board, c, lastMove, ws);
                    Assert.Equal(count, inc.Probabilities(c, lastMove, probs));
                    Array.Clear(expected);
                    int best = -1;
                    for (int i = 0; i < count; i++)
                    {
                        expected[ws.LastCandidates[i]] = ws.LastProbabilities[i];
                        if (best < 0 || ws.LastProbabilities[i] > ws.LastProbabilities[best]) best = i;
                    }
                    for (int p = 0; p < size * size; p++)
                        if (!(Math.Abs(expected[p] - probs[p]) <= 1e-9 * Math.Max(1, expected[p])))
                            Assert.Fail($"game {g} move {m} {c} point {Vertex.ToGtp(p, size)}: full {expected[p]} incremental {probs[p]}\n{inc.Board.ToAscii()}");
                    Assert.Equal(count == 0 ? inc.Board.Pass : ws.LastCandidates[best], inc.MostProbable(c, lastMove));
                    compared++;
                }
                // Next move: a random colour (mostly alternating), sometimes a pass, else the policy's sample.
                Stone mover = rng.NextInt(8) == 0 ? Stone.White : (m % 2 == 0 ? Stone.Black : Stone.White);
                int move = rng.NextInt(30) == 0 ? inc.Board.Pass : inc.Select(mover, last, rng);
                if (move == inc.Board.Pass) { last = move; continue; }
                int before = inc.Board.EmptyCount;
                inc.Play(mover, move);
                if (inc.Board.EmptyCount > before - 1) captures++;
                last = move;
            }
        }
        Assert.True(compared > 1000, $"only {compared} comparisons");
        Assert.True(captures > 0, "no capture happened: the test would not exercise the capture updates");
    }

    [Fact]
    public void SamplingFollowsTheProbabilities()
    {
        var policy = RandomPolicy(7, 1.5);
        var inc = new IncrementalRollout(policy, 9);
        var rng = new Rng(11);
        inc.Run(Stone.Black, -1, rng, maxMoves: 25);
        int last = 40; // E5 as the previous move: response features in play
        var probs = new double[81];
        inc.Probabilities(Stone.Black, last, probs);
        var counts = new int[82];
        const int draws = 200_000;
        for (int i = 0; i < draws; i++) counts[inc.Select(Stone.Black, last, rng)]++;
        Assert.Equal(0, counts[81]);
        for (int p = 0; p < 81; p++)
        {
            double sd = Math.Sqrt(probs[p] * (1 - probs[p]) / draws);
            Assert.True(Math.Abs(counts[p] / (double)draws - probs[p]) <= 5 * sd + 1e-6,
                $"{Vertex.ToGtp(p, 9)}: sampled {counts[p] / (double)draws:0.0000}, expected {probs[p]:0.0000}");
            if (probs[p] == 0) Assert.Equal(0, counts[p]);
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(19)]
    public void RolloutsRunToTheEndAndAreSeeded(int size)
    {
        var policy = RandomPolicy(5, 0.5);
        int[] Play(ulong seed)
        {
            var inc = new IncrementalRollout(policy, size);
            var record = new int[3 * size * size];
            int moves = inc.Run(Stone.Black, -1, new Rng(seed), record: record);
            Assert.InRange(moves, 2, 3 * size * size);
            // Ended by two passes (a superko cycle hitting the cap would be a bug worth seeing here).
            Assert.Equal(size * size, record[moves - 1]);
            Assert.Equal(size * size, record[moves - 2]);
            // At the end neither side has a candidate: every empty point is an eye, a suicide or the ko point.
            var ws = new RolloutPolicy.Workspace();
            Assert.Equal(0, policy.Evaluate(inc.Board, Stone.Black, -1, ws));
            Assert.Equal(0, policy.Evaluate(inc.Board, Stone.White, -1, ws));
            return record[..moves];
        }
        Assert.Equal(Play(1), Play(1));
        Assert.NotEqual(Play(1), Play(2));
    }

    [Fact]
    public void RefreshWeightsFollowsChangedWeights()
    {
        var policy = new RolloutPolicy();
        var inc = new IncrementalRollout(policy, 9);
        var probs = new double[81];
        inc.Probabilities(Stone.Black, -1, probs);
        Assert.Equal(1.0 / 81, probs[40], 12);
        // Favour the all-empty 3x3 pattern: every interior point of the empty board.
        policy.Weights[RolloutFeatures.Pattern3x3] = 2f;
        inc.RefreshWeights();
        inc.Probabilities(Stone.Black, -1, probs);
        var ws = new RolloutPolicy.Workspace();
        Assert.Equal(policy.Probability(inc.Board, Stone.Black, -1, 40, ws), probs[40], 12);
        Assert.True(probs[40] > probs[0] * 7);
    }

    [Fact]
    public void WeightsFileRoundTripsAndRejectsDamage()
    {
        var policy = RandomPolicy(9, 0.3);
        string path = Path.Combine(Path.GetTempPath(), $"sente-inc-rollout-{Guid.NewGuid():N}.bin");
        try
        {
            RolloutWeightsFile.Save(path, policy);
            var loaded = RolloutWeightsFile.Load(path);
            Assert.Equal(policy.Weights, loaded.Weights);
            byte[] bytes = File.ReadAllBytes(path);
            bytes[100] ^= 0x40;
            File.WriteAllBytes(path, bytes);
            Assert.Contains("checksum", Assert.Throws<CheckpointException>(() => RolloutWeightsFile.Load(path)).Message);
            File.WriteAllBytes(path, bytes[..1000]);
            Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => RolloutWeightsFile.Load(path)).Message);
        }
        finally
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
