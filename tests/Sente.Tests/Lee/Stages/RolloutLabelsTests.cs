using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Lee.Networks;
using Sente.Lee.Rollout;
using Sente.Search.Apv;
using Sente.Lee.Stages;

namespace Sente.Tests.Lee.Stages;

/// <summary>Rollout labels (`lee value-label`) and value training on them (`lee value --targets rollouts`).</summary>
public class RolloutLabelsTests
{
    private static readonly string Data = RepoPaths.Data("gnugo-9x9/train.sgf");

    private static string TempDir(string prefix)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-{prefix}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The first <paramref name="count"/> games of the GNU Go test data, as a file in <paramref name="dir"/>.</summary>
    private static string FewGames(string dir, int count)
    {
        string file = Path.Combine(dir, "games.sgf");
        File.WriteAllText(file, Sgf.WriteCollection(Sgf.ReadCollection(File.ReadAllText(Data)).Take(count)));
        return file;
    }

    [Fact]
    public void LabelsAreForBlackAndTargetsAreForThePlayerToMove()
    {
        string dir = TempDir("vlabel");
        try
        {
            string games = FewGames(dir, 6);
            string output = Path.Combine(dir, "labels");
            var reports = new List<(int Done, int Total)>();
            var summary = RolloutLabels.Run(games, output, new BlackAlwaysWins(), new RolloutLabelOptions(Rollouts: 3, ChunkGames: 4, Threads: 2),
                new Reports(reports));
            Assert.Equal(6, summary.Games);
            // One report per game, in order, even when two threads finish games at once.
            Assert.Equal(Enumerable.Range(1, 6).Select(d => (d, 6)), reports);
            Assert.Equal(2, summary.ChunksWritten);
            Assert.Equal([RolloutLabels.ChunkFile(0, 4), RolloutLabels.ChunkFile(4, 6), LabelStamp.FileName], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var data = ValuePositions.Load(output, 9, ValueMode.All, 0.34, seed: 2, ValueTarget.Rollouts);
            Assert.Equal(ValueTarget.Rollouts, data.Target);
            var samples = data.Train.Concat(data.Test).ToList();
            Assert.Equal(summary.PositionsLabelled, samples.Count);
            // Every position after move 1..N that is not over is labelled (GNU Go games end in two passes: the last is not).
            Assert.Equal(data.Games.Sum(g => g.Moves.Count) - data.Games.Count(g => g.Replay().IsTerminal), samples.Count);
            Assert.All(samples, s =>
            {
                Assert.InRange(s.MoveCount, 1, data.Games[s.Game].Moves.Count);
                Assert.Equal(ValuePositions.ToMoveAfter(data.Games[s.Game], s.MoveCount) == Stone.Black ? 1f : -1f, s.Z);
            });
            // Unlabelled data have no rollout targets; outcome targets still read the labelled files.
            var error = Assert.Throws<InvalidDataException>(() => ValuePositions.Load(games, 9, ValueMode.All, 0.34, seed: 2, ValueTarget.Rollouts));
            Assert.Contains("rollout labels", error.Message);
            var outcome = ValuePositions.Load(output, 9, ValueMode.All, 0.34, seed: 2);
            Assert.Equal(outcome.Games.Sum(g => g.Moves.Count), outcome.Train.Count + outcome.Test.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LabelsAreMeansOfRolloutsSeededPerGameAndARerunKeepsTheChunksPresent()
    {
        string dir = TempDir("vlabel");
        try
        {
            string games = FewGames(dir, 5);
            var o = new RolloutLabelOptions(Rollouts: 4, PerGame: 6, FromMove: 10, ChunkGames: 2, Seed: 9, Threads: 2);
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
            RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o);
            RolloutLabels.Run(games, b, new UniformRolloutPolicy(), o with { Threads = 1 });
            foreach (string f in Directory.GetFiles(a))
                Assert.Equal(File.ReadAllText(f), File.ReadAllText(Path.Combine(b, Path.GetFileName(f))));

            var data = ValuePositions.Load(a, 9, ValueMode.All, 0.4, seed: 2, ValueTarget.Rollouts);
            foreach (var game in data.Games)
            {
                int[] labelled = Enumerable.Range(1, game.Moves.Count).Where(k => RolloutLabels.LabelOf(game, k) is not null).ToArray();
                Assert.Equal(6, labelled.Length);
                Assert.All(labelled, k => Assert.True(k >= 10));
                // The mean of 4 results of +1 or -1 (or 0 at the rollout cap) is a multiple of 1/4.
                Assert.All(labelled, k => Assert.Equal(0, RolloutLabels.LabelOf(game, k)!.Value * 4 % 1, 6));
            }
            Assert.Contains(data.Train.Concat(data.Test), s => s.Z is > -1 and < 1);
            // One label per game in mode one.
            var one = ValuePositions.Load(a, 9, ValueMode.One, 0.4, seed: 2, ValueTarget.Rollouts);
            Assert.Equal(5, one.Train.Count + one.Test.Count);

            string second = Path.Combine(a, RolloutLabels.ChunkFile(2, 4));
            string before = File.ReadAllText(second);
            File.Delete(second);
            var rerun = RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o);
            Assert.Equal(1, rerun.ChunksWritten);
            Assert.Equal(2, rerun.ChunksKept);
            Assert.Equal(before, File.ReadAllText(second));

            // The input grows from 5 to 7 games: the short last chunk (game 4) is replaced by games 4 and 5, then 6 follows.
            File.WriteAllText(games, Sgf.WriteCollection(Sgf.ReadCollection(File.ReadAllText(Data)).Take(7)));
            var grown = RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o);
            Assert.Equal((2, 2), (grown.ChunksWritten, grown.ChunksKept));
            Assert.Equal([RolloutLabels.ChunkFile(0, 2), RolloutLabels.ChunkFile(2, 4), RolloutLabels.ChunkFile(4, 6), RolloutLabels.ChunkFile(6, 7), LabelStamp.FileName],
                Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(7, ValuePositions.Load(a, 9, ValueMode.One, 0.4, seed: 2, ValueTarget.Rollouts).Games.Count);

            // A rerun with other settings is refused before anything is written, and names what differs.
            var e = Assert.Throws<InvalidDataException>(() => RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o with { Rollouts = 8, Seed = 10 }));
            Assert.Contains("rollouts 4 there, 8 now", e.Message);
            Assert.Contains("seed 9 there, 10 now", e.Message);
            e = Assert.Throws<InvalidDataException>(() => RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o,
                sources: new Dictionary<string, string> { ["rollout"] = "sha256:0123" }));
            Assert.Contains("rollout (none) there, sha256:0123 now", e.Message);
            Assert.Equal(5, Directory.GetFiles(a).Length);
            File.WriteAllText(Path.Combine(a, LabelStamp.FileName), "[1, 2");
            e = Assert.Throws<InvalidDataException>(() => RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o));
            Assert.Contains(LabelStamp.FileName, e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BranchesAreLabelledGamesOffTheLineHeldOutWithTheirGame()
    {
        string dir = TempDir("vlabel");
        try
        {
            string games = FewGames(dir, 12);
            var plain = new RolloutLabelOptions(Rollouts: 2, PerGame: 3, FromMove: 5, ChunkGames: 5, Seed: 4, Threads: 2);
            var o = plain with { Branches = 2, BranchDepth = 3 };
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b"), c = Path.Combine(dir, "c");
            var summary = RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o);
            RolloutLabels.Run(games, b, new UniformRolloutPolicy(), o with { Threads = 1 });
            RolloutLabels.Run(games, c, new UniformRolloutPolicy(), plain);
            foreach (string f in Directory.GetFiles(a))
                Assert.Equal(File.ReadAllText(f), File.ReadAllText(Path.Combine(b, Path.GetFileName(f))));

            var input = Sgf.ReadCollection(File.ReadAllText(games));
            var unbranched = Directory.GetFiles(c, "*.sgf").Order(StringComparer.Ordinal).SelectMany(f => Sgf.ReadCollection(File.ReadAllText(f))).ToList();
            var all = Directory.GetFiles(a, "*.sgf").Order(StringComparer.Ordinal).SelectMany(f => Sgf.ReadCollection(File.ReadAllText(f))).ToList();
            Assert.Equal(summary.PositionsLabelled, all.Sum(g => Enumerable.Range(1, g.Moves.Count).Count(k => RolloutLabels.LabelOf(g, k) is not null)));
            var mains = all.Where(g => g.Moves.Count == input[int.Parse(g.Properties[RolloutLabels.GroupProperty])].Moves.Count
                                       && g.Result is not null).ToList();
            Assert.Equal(12, mains.Count);
            var branches = all.Except(mains).ToList();
            Assert.InRange(branches.Count, 12 * 3 * 2 - 6, 12 * 3 * 2); // a branch that ends the game is dropped
            for (int n = 0; n < 12; n++)
            {
                // Main-line labels are those of the run without branches.
                int[] ks = Enumerable.Range(1, mains[n].Moves.Count).Where(k => RolloutLabels.LabelOf(mains[n], k) is not null).ToArray();
                Assert.Equal(3, ks.Length);
                Assert.All(ks, k => Assert.Equal(RolloutLabels.LabelOf(unbranched[n], k), RolloutLabels.LabelOf(mains[n], k)));
                foreach (var br in branches.Where(x => x.Properties[RolloutLabels.GroupProperty] == n.ToString()))
                {
                    // A branch: the game up to a labelled position, then 1..3 legal moves, labelled on its last move only.
                    int k = Enumerable.Range(0, br.Moves.Count).Last(m => m < input[n].Moves.Count && br.Moves.Take(m).SequenceEqual(input[n].Moves.Take(m)));
                    int off = ks.Where(x => x <= k).Max();
                    Assert.InRange(br.Moves.Count - off, 1, 3);
                    Assert.False(br.Replay().IsTerminal);
                    Assert.NotNull(RolloutLabels.LabelOf(br, br.Moves.Count));
                    Assert.All(Enumerable.Range(1, br.Moves.Count - 1), m => Assert.Null(RolloutLabels.LabelOf(br, m)));
                }
            }

            // The held-out split keeps each game with its branches.
            var data = ValuePositions.Load(a, 9, ValueMode.All, 0.3, seed: 3, ValueTarget.Rollouts);
            Assert.Equal(all.Count, data.Games.Count);
            var testGroups = data.Test.Select(s => data.Games[s.Game].Properties[RolloutLabels.GroupProperty]).ToHashSet();
            var trainGroups = data.Train.Select(s => data.Games[s.Game].Properties[RolloutLabels.GroupProperty]).ToHashSet();
            Assert.NotEmpty(testGroups);
            Assert.Empty(testGroups.Intersect(trainGroups));
            Assert.Equal(12, testGroups.Count + trainGroups.Count);
            Assert.Equal(12, data.SplitGroups);
            Assert.Equal(12, ValuePositions.Load(c, 9, ValueMode.All, 0.3, seed: 3, ValueTarget.Rollouts).SplitGroups); // no branches: one per game
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SearchLabelsAreRootValuesOfARolloutsOnlySearchForBlack()
    {
        string dir = TempDir("vlabel");
        try
        {
            string games = FewGames(dir, 4);
            // Zero weights: the rollout policy's softmax is uniform over its candidates (pass gets no prior).
            var priors = new RolloutPriorEvaluator(new RolloutPolicy());
            var o = new RolloutLabelOptions(Rollouts: 4, PerGame: 5, FromMove: 3, ChunkGames: 2, Seed: 6, Threads: 2, Search: 12);
            Assert.Throws<ArgumentException>(() => RolloutLabels.Run(games, Path.Combine(dir, "none"), new UniformRolloutPolicy(), o));

            // Every rollout won by Black: each root edge's Q is exact, so every label is +1 for Black, whoever is to move.
            string won = Path.Combine(dir, "won");
            RolloutLabels.Run(games, won, new BlackAlwaysWins(), o, searchPriors: priors);
            var wonData = ValuePositions.Load(won, 9, ValueMode.All, 0.25, seed: 1, ValueTarget.Rollouts);
            Assert.Equal(20, wonData.Train.Count + wonData.Test.Count);
            Assert.All(wonData.Games, g => Assert.All(Enumerable.Range(1, g.Moves.Count).Select(k => RolloutLabels.LabelOf(g, k)).OfType<double>(),
                v => Assert.Equal(1.0, v)));
            Assert.Contains(wonData.Train.Concat(wonData.Test), s => s.Z == -1f); // White to move: the target is -1

            // Random rollouts: the same positions as the plain labels, other values, independent of the thread count.
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b"), plain = Path.Combine(dir, "plain");
            RolloutLabels.Run(games, a, new UniformRolloutPolicy(), o, searchPriors: priors);
            RolloutLabels.Run(games, b, new UniformRolloutPolicy(), o with { Threads = 1 }, searchPriors: priors);
            RolloutLabels.Run(games, plain, new UniformRolloutPolicy(), o with { Search = 0 });
            foreach (string f in Directory.GetFiles(a))
                Assert.Equal(File.ReadAllText(f), File.ReadAllText(Path.Combine(b, Path.GetFileName(f))));
            var searched = ValuePositions.Load(a, 9, ValueMode.All, 0.25, seed: 1, ValueTarget.Rollouts);
            var means = ValuePositions.Load(plain, 9, ValueMode.All, 0.25, seed: 1, ValueTarget.Rollouts);
            Assert.Equal(means.Train.Concat(means.Test).Select(s => (s.Game, s.MoveCount)), searched.Train.Concat(searched.Test).Select(s => (s.Game, s.MoveCount)));
            double[] labels = searched.Games.SelectMany(g => Enumerable.Range(1, g.Moves.Count).Select(k => RolloutLabels.LabelOf(g, k)).OfType<double>()).ToArray();
            Assert.Equal(20, labels.Length);
            Assert.All(labels, v => Assert.InRange(v, -1, 1));
            // A root value over 12 simulations is rarely a multiple of 1/4, as every mean of 4 rollouts is.
            Assert.Contains(labels, v => Math.Abs(v * 4 - Math.Round(v * 4)) > 1e-3);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ValueNetworkTrainsOnRolloutLabelsAndTheCliNamesBadInput()
    {
        string dir = TempDir("vlabel");
        try
        {
            string games = FewGames(dir, 40);
            string labels = Path.Combine(dir, "labels");
            RolloutLabels.Run(games, labels, new BlackAlwaysWins(), new RolloutLabelOptions(Rollouts: 1, PerGame: 10, Threads: 1));
            // Targets are +1 with Black to move and -1 with White to move: the colour plane alone decides them.
            var data = ValuePositions.Load(labels, 9, ValueMode.All, 0.2, seed: 1, ValueTarget.Rollouts);
            var o = new SupervisedValueOptions(Filters: 8, Layers: 3, Batch: 32, Steps: 150, LearningRate: 0.003, EvalEvery: 150,
                EvalPositions: 200, Threads: 1);
            string run = Path.Combine(dir, "run");
            var last = new SupervisedValue(o, data, run).Run()[^1];
            Assert.True(last.TestMse < 0.3 * last.ConstantMse, $"held-out {last.TestMse:0.000} vs constant {last.ConstantMse:0.000}");
            Assert.Contains("\"Target\": \"Rollouts\"", File.ReadAllText(Path.Combine(run, "value-state.json")));
            // The same run directory with outcome targets is another run.
            var outcomes = ValuePositions.Load(labels, 9, ValueMode.All, 0.2, seed: 1);
            var clash = Assert.Throws<InvalidDataException>(() => new SupervisedValue(o with { Steps = 300 }, outcomes, run).Run());
            Assert.Contains("rollouts targets", clash.Message);

            var (code, _, err) = SenteCli.Run("lee", "value", "--data", games, "--mode", "all", "--targets", "rollouts", "--steps", "1");
            Assert.NotEqual(0, code);
            Assert.Contains("rollout labels", err);
            (code, _, err) = SenteCli.Run("lee", "value", "--data", labels, "--targets", "rollout");
            Assert.NotEqual(0, code);
            Assert.Contains("targets must be outcome or rollouts", err);
            (code, _, err) = SenteCli.Run("lee", "value-label", "--data", games, "--rollout", "/nonexistent/rollout.bin", "--out", Path.Combine(dir, "x"));
            Assert.NotEqual(0, code);
            Assert.Contains("/nonexistent/rollout.bin", err);
            (code, _, err) = SenteCli.Run("lee", "value-label", "--data", games, "--rollout", "/nonexistent/rollout.bin", "--out", Path.Combine(dir, "x"), "--rollouts", "0");
            Assert.NotEqual(0, code);
            Assert.Contains("rollouts must be >= 1", err);
            (code, _, err) = SenteCli.Run("lee", "value-label", "--data", games, "--rollout", "/nonexistent/rollout.bin", "--out", Path.Combine(dir, "x"), "--branches", "-1");
            Assert.NotEqual(0, code);
            Assert.Contains("branches must be >= 0", err);
            (code, _, err) = SenteCli.Run("lee", "value-label", "--data", games, "--rollout", "/nonexistent/rollout.bin", "--out", Path.Combine(dir, "x"), "--branches", "2", "--branch-depth", "0");
            Assert.NotEqual(0, code);
            Assert.Contains("branch depth must be >= 1", err);
            (code, _, err) = SenteCli.Run("lee", "value-label", "--data", games, "--rollout", "/nonexistent/rollout.bin", "--out", Path.Combine(dir, "x"), "--search", "-1");
            Assert.NotEqual(0, code);
            Assert.Contains("search simulations must be >= 0", err);
            (code, _, err) = SenteCli.Run("lee", "value-label", "--data", games, "--rollout", "/nonexistent/rollout.bin", "--out", Path.Combine(dir, "x"), "--search-policy", "p.ckpt");
            Assert.NotEqual(0, code);
            Assert.Contains("--search-policy needs --search", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to a thread pool).</summary>
    private sealed class Reports(List<(int Done, int Total)> into) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) { lock (into) into.Add(value); }
    }
}
