using System.Diagnostics;
using Sente.Core;
using Sente.Go;
using Sente.Lee.Rollout;

namespace Sente.Lee.Stages;

/// <summary>Held-out accuracy of the rollout policy and its speed.</summary>
/// <param name="Top1">Share of held-out expert moves that are the policy's most probable move (moves that are not
/// candidates, such as eye fills, count as misses).</param>
/// <param name="MicrosecondsPerMove">CPU microseconds per move selection by <see cref="IncrementalRollout"/>
/// (sampling and feature updates, board play excluded) over the held-out games.</param>
public sealed record RolloutAccuracy(int Epoch, int Positions, double Top1, double MicrosecondsPerMove);

/// <summary>
/// AlphaGo Lee's rollout policy trained by supervised learning: a linear softmax over fast local pattern features
/// (<see cref="RolloutFeatures"/>), SGD on -log p(expert move), one pass over the training games per epoch in a
/// seeded random game order. Torch-free: this is the policy the rollouts of APV-MCTS run. Not thread-safe.
/// </summary>
public static class SupervisedRollout
{
    /// <summary>Trains for <paramref name="epochs"/> epochs and evaluates after each; saves the weights to
    /// <paramref name="weightsPath"/> (atomically) when given.</summary>
    public static IReadOnlyList<RolloutAccuracy> Train(SgfPositions data, int epochs, float learningRate, ulong seed,
        string? weightsPath = null, IProgress<(int Epoch, int Game, int Games)>? progress = null, CancellationToken cancel = default)
    {
        var policy = new RolloutPolicy();
        var ws = new RolloutPolicy.Workspace();
        var rng = new Rng(seed);
        var trainByGame = data.Train.GroupBy(t => t.Game).ToDictionary(g => g.Key, g => g.Select(t => t.MoveIndex).ToHashSet());
        var testByGame = data.Test.GroupBy(t => t.Game).ToDictionary(g => g.Key, g => g.Select(t => t.MoveIndex).ToHashSet());
        var games = trainByGame.Keys.Order().ToArray();
        var history = new List<RolloutAccuracy>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            for (int i = games.Length - 1; i > 0; i--) { int j = rng.NextInt(i + 1); (games[i], games[j]) = (games[j], games[i]); }
            for (int k = 0; k < games.Length; k++)
            {
                cancel.ThrowIfCancellationRequested();
                Walk(data, games[k], trainByGame[games[k]], (board, color, last, move) =>
                    policy.TrainStep(board, color, last, move, learningRate, ws));
                progress?.Report((epoch, k + 1, games.Length));
            }
            history.Add(Evaluate(policy, data, testByGame, epoch));
        }
        if (weightsPath is not null)
        {
            RolloutWeightsFile.Save(weightsPath, policy);
            RolloutAccuracy final = history[^1];
            RolloutReport.Write(RolloutReport.PathBeside(weightsPath),
                new RolloutReport(final.Top1, final.MicrosecondsPerMove, trainByGame.Count, final.Positions));
        }
        return history;
    }

    private static RolloutAccuracy Evaluate(RolloutPolicy policy, SgfPositions data, Dictionary<int, HashSet<int>> targets, int epoch)
    {
        var inc = new IncrementalRollout(policy, data.Size);
        var games = targets.Keys.Order().ToArray();
        var starts = games.Select(g => data.Games[g].Replay(0).Board.Clone()).ToArray();
        int hits = 0, total = 0;
        for (int k = 0; k < games.Length; k++)
        {
            var record = data.Games[games[k]];
            HashSet<int> moves = targets[games[k]];
            inc.Reset(starts[k]);
            for (int m = 0; m < record.Moves.Count; m++)
            {
                var (color, point) = record.Moves[m];
                if (moves.Contains(m))
                {
                    total++;
                    if (inc.MostProbable(color, m == 0 ? -1 : record.Moves[m - 1].Point) == point) hits++;
                }
                inc.Play(color, point);
            }
        }
        return new RolloutAccuracy(epoch, total, total == 0 ? 0 : (double)hits / total, SelectionMicroseconds(inc, data, games, starts));
    }

    /// <summary>
    /// CPU microseconds per move selection of <see cref="IncrementalRollout"/> (sampling + feature updates) over every
    /// move of the given games: the CPU time of replaying them with a <see cref="IncrementalRollout.Select"/> before
    /// each move, minus the same replay on a plain board and minus the per-game resets. Each phase repeats until it
    /// lasts 0.2 s (the process CPU clock ticks in ~10 ms).
    /// </summary>
    private static double SelectionMicroseconds(IncrementalRollout inc, SgfPositions data, int[] games, Board[] starts)
    {
        if (games.Length == 0) return 0;
        var rng = new Rng(0x5E1EC7UL);
        var plain = new Board(data.Size);
        long moves = 0;
        foreach (int g in games) moves += data.Games[g].Moves.Count;
        double full = Timed(() =>
        {
            for (int k = 0; k < games.Length; k++)
            {
                var record = data.Games[games[k]];
                inc.Reset(starts[k]);
                int last = -1;
                foreach (var (color, point) in record.Moves)
                {
                    inc.Select(color, last, rng);
                    inc.Play(color, point);
                    last = point;
                }
            }
        });
        double resets = Timed(() => { for (int k = 0; k < games.Length; k++) inc.Reset(starts[k]); });
        double place = Timed(() =>
        {
            for (int k = 0; k < games.Length; k++)
            {
                plain.CopyFrom(starts[k]);
                foreach (var (color, point) in data.Games[games[k]].Moves)
                    if (point != plain.Pass) plain.Place(color, point, allowSuicide: true);
            }
        });
        return Math.Max(0, full - resets - place) * 1e6 / moves;
    }

    /// <summary>Process CPU seconds per run of <paramref name="work"/>, repeated for at least 0.2 s after 0.1 s of
    /// warm-up runs (JIT tiering).</summary>
    private static double Timed(Action work)
    {
        var warm = Stopwatch.StartNew();
        do work(); while (warm.Elapsed.TotalSeconds < 0.1);
        int runs = 0;
        double cpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        do { work(); runs++; } while (clock.Elapsed.TotalSeconds < 0.2);
        return (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu0) / runs;
    }

    /// <summary>Replays game <paramref name="game"/> once, calling <paramref name="visit"/> before each move whose index
    /// is in <paramref name="targets"/> with (board, mover, previous move or -1, expert move).</summary>
    private static void Walk(SgfPositions data, int game, HashSet<int> targets, Action<Board, Stone, int, int> visit)
    {
        var record = data.Games[game];
        GoState s = record.Replay(0);
        for (int m = 0; m < record.Moves.Count; m++)
        {
            var (color, point) = record.Moves[m];
            if (targets.Contains(m)) visit(s.Board, color, m == 0 ? -1 : record.Moves[m - 1].Point, point);
            s.Play(color, point);
        }
    }
}
