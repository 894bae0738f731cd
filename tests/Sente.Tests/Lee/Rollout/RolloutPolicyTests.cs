using Sente.Core;
using Sente.Go;
using Sente.Nn.Checkpoints;
using Sente.Lee.Rollout;

namespace Sente.Tests.Lee.Rollout;

/// <summary>The rollout policy: features on hand-drawn positions, candidates, gradient, learning from GNU Go games.</summary>
public class RolloutPolicyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static int P(string v, int size = 5) => Vertex.Parse(v, size);

    private static int[] Features(Board b, Stone c, int last, int point)
    {
        var a = new int[RolloutFeatures.MaxActive];
        int k = new RolloutFeatures().Extract(b, c, last, point, a);
        return a[..k];
    }

    [Fact]
    public void PatternIndexEncodesNeighboursFromTheMoversView()
    {
        var b = Board.FromAscii("""
            . . . . .
            . . X . .
            . . . O .
            . . . . .
            . . . . .
            """);
        // Around C3: N = C4 own (1), E = D3 opponent (2 at ring position 2 -> bits 4-5); the rest empty.
        Assert.Equal(1 | (2 << 4), RolloutFeatures.PatternIndex(b, Stone.Black, 2, 2));
        // White's view swaps own and opponent.
        Assert.Equal(2 | (1 << 4), RolloutFeatures.PatternIndex(b, Stone.White, 2, 2));
        // Corner A1: SE, S, SW, W, NW are off the board (3).
        Assert.Equal((3 << 6) | (3 << 8) | (3 << 10) | (3 << 12) | (3 << 14), RolloutFeatures.PatternIndex(b, Stone.Black, 0, 0));
    }

    [Fact]
    public void ResponseNeighbourAndDiamondFollowThePreviousMove()
    {
        var b = Board.FromAscii("""
            . . . . .
            . . . . .
            . . O . .
            . . . . .
            . . . . .
            """);
        int last = P("C3");
        var d4 = Features(b, Stone.Black, last, P("D4"));   // diagonal neighbour NE
        Assert.Contains(RolloutFeatures.Response, d4);
        Assert.Contains(RolloutFeatures.Neighbour + 1, d4);
        Assert.Contains(d4, f => f >= RolloutFeatures.Diamond);
        var c5 = Features(b, Stone.Black, last, P("C5"));   // distance 2 straight: diamond, not a neighbour
        Assert.Contains(RolloutFeatures.Response, c5);
        Assert.DoesNotContain(c5, f => f is >= RolloutFeatures.Neighbour and < RolloutFeatures.Pattern3x3);
        var e4 = Features(b, Stone.Black, last, P("E4"));   // knight's move: outside the diamond
        Assert.DoesNotContain(RolloutFeatures.Response, e4);
        Assert.Single(e4); // only its 3x3 pattern
        var none = Features(b, Stone.Black, -1, P("D4")); // no previous move
        Assert.Single(none);
    }

    [Fact]
    public void DiamondPatternIsTranslationInvariant()
    {
        var b = Board.FromAscii("""
            . . . . . . . . .
            . . . . . . . . .
            . . . X . . . . .
            . . . O . . . . .
            . . . . . . . . .
            . . . . . . X . .
            . . . . . . O . .
            . . . . . . . . .
            . . . . . . . . .
            """);
        int h1 = RolloutFeatures.DiamondHash(b, Stone.Black, 3, 5, 1);
        int h2 = RolloutFeatures.DiamondHash(b, Stone.Black, 6, 2, 1);
        Assert.Equal(h1, h2);
        Assert.NotEqual(h1, RolloutFeatures.DiamondHash(b, Stone.Black, 3, 5, 2));
        Assert.NotEqual(h1, RolloutFeatures.DiamondHash(b, Stone.White, 3, 5, 1));
    }

    [Fact]
    public void SaveAtariIsSetOnlyForARealRescue()
    {
        var b = Board.FromAscii("""
            . . . . .
            . . . . .
            . O . . .
            O X . . .
            . O . . .
            """);
        // Black B2 is in atari (liberty C2). C2 gives it liberties C1, C3, D2.
        Assert.Contains(RolloutFeatures.SaveAtari, Features(b, Stone.Black, -1, P("C2")));
        Assert.DoesNotContain(RolloutFeatures.SaveAtari, Features(b, Stone.Black, -1, P("D4")));
        var trapped = Board.FromAscii("""
            . . . . .
            . . . . .
            . O O . .
            O X . O .
            . O O . .
            """);
        // Extending to C2 leaves one liberty: no rescue.
        Assert.DoesNotContain(RolloutFeatures.SaveAtari, Features(trapped, Stone.Black, -1, P("C2")));
    }

    [Fact]
    public void ZeroWeightsGiveUniformProbabilitiesOverSensibleMoves()
    {
        var b = Board.FromAscii("""
            . X . . .
            X . . . .
            . . . . .
            . . . O O
            . . . O .
            """);
        var policy = new RolloutPolicy();
        var ws = new RolloutPolicy.Workspace();
        int count = policy.Evaluate(b, Stone.Black, -1, ws);
        // 25 - 5 stones = 20 empty; A5 is Black's eye (skipped), E1 is suicide for Black: 18 candidates.
        Assert.Equal(18, count);
        Assert.DoesNotContain(P("A5"), ws.LastCandidates.ToArray());
        Assert.DoesNotContain(P("E1"), ws.LastCandidates.ToArray());
        Assert.All(ws.LastProbabilities.ToArray(), p => Assert.Equal(1.0 / 18, p, 12));
    }

    [Fact]
    public void TrainStepFollowsTheAnalyticGradient()
    {
        var b = Board.FromAscii("""
            . . . . .
            . . X . .
            . O . O .
            . . X . .
            . . . . .
            """);
        var rng = new Rng(3);
        var weights = new float[RolloutFeatures.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(rng.NextGaussian() * 0.5);
        var ws = new RolloutPolicy.Workspace();
        int last = P("D3"), target = P("C3");
        double Loss(float[] w) => -Math.Log(new RolloutPolicy(w).Probability(b, Stone.Black, last, target, ws));

        var stepped = (float[])weights.Clone();
        double loss = new RolloutPolicy(stepped).TrainStep(b, Stone.Black, last, target, 1e-3f, ws);
        Assert.Equal(Loss(weights), loss, 9);
        var active = new int[RolloutFeatures.MaxActive];
        int k = new RolloutFeatures().Extract(b, Stone.Black, last, target, active);
        Assert.True(k >= 3); // response, neighbour, pattern, diamond
        foreach (int f in active[..k])
        {
            double analytic = (weights[f] - stepped[f]) / 1e-3; // = dLoss/dw_f
            var plus = (float[])weights.Clone();
            var minus = (float[])weights.Clone();
            plus[f] += 1e-2f;
            minus[f] -= 1e-2f;
            double numeric = (Loss(plus) - Loss(minus)) / 2e-2;
            Assert.Equal(numeric, analytic, 2);
            Assert.True(analytic < 0); // the target's own features are pushed up
        }
        Assert.True(Loss(stepped) < Loss(weights));
    }

    [Fact]
    public void LearnsGnuGoMovesBetterThanChance()
    {
        var games = Sgf.ReadCollection(File.ReadAllText(RepoPaths.Data("gnugo-9x9/train.sgf")));
        var policy = new RolloutPolicy();
        var ws = new RolloutPolicy.Workspace();
        var train = games.Take(150).ToList();
        var test = games.Skip(900).Take(40).ToList();
        double Accuracy(out double chance)
        {
            int hits = 0, total = 0;
            double chanceSum = 0;
            foreach (var (board, color, last, move) in Positions(test))
            {
                int count = policy.Evaluate(board, color, last, ws);
                int i = ws.LastCandidates.IndexOf(move);
                if (i < 0 || count == 0) continue;
                int best = 0;
                for (int c = 1; c < count; c++) if (ws.LastProbabilities[c] > ws.LastProbabilities[best]) best = c;
                hits += best == i ? 1 : 0;
                chanceSum += 1.0 / count;
                total++;
            }
            chance = chanceSum / total;
            return hits / (double)total;
        }
        for (int epoch = 0; epoch < 2; epoch++)
            foreach (var (board, color, last, move) in Positions(train))
                policy.TrainStep(board, color, last, move, 0.05f, ws);
        double acc = Accuracy(out double chance);
        output.WriteLine($"rollout policy on 40 held-out GNU Go games: top-1 accuracy {acc:P1}, chance {chance:P1}");
        Assert.True(acc > 4 * chance, $"accuracy {acc:P1}, chance {chance:P1}");

        string path = Path.Combine(Path.GetTempPath(), $"rollout-{Guid.NewGuid():N}.bin");
        try
        {
            RolloutWeightsFile.Save(path, policy);
            Assert.Equal(policy.Weights, RolloutWeightsFile.Load(path).Weights);
            var bytes = File.ReadAllBytes(path);
            bytes[100] ^= 1;
            File.WriteAllBytes(path, bytes);
            Assert.Throws<CheckpointException>(() => RolloutWeightsFile.Load(path));
        }
        finally { File.Delete(path); }
    }

    private static IEnumerable<(Board Board, Stone Color, int Last, int Move)> Positions(IEnumerable<GameRecord> games)
    {
        foreach (var g in games)
        {
            var state = g.Replay(0);
            int last = -1;
            foreach (var (color, point) in g.Moves)
            {
                if (point != state.Pass) yield return (state.Board, color, last, point);
                state.Play(color, point);
                last = point;
            }
        }
    }
}
