using System.Diagnostics;
using Sente.Core;
using Sente.Go;
using Sente.Nn.Rollout;

namespace Sente.Training.Lee;

/// <summary>Held-out accuracy of the rollout policy and its speed (one <see cref="RolloutPolicy.Evaluate"/> per move).</summary>
/// <param name="Top1">Share of held-out expert moves that are the policy's most probable move (moves that are not
/// candidates, such as eye fills, count as misses).</param>
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
        if (weightsPath is not null) RolloutWeightsFile.Save(weightsPath, policy);
        return history;
    }

    private static RolloutAccuracy Evaluate(RolloutPolicy policy, SgfPositions data, Dictionary<int, HashSet<int>> targets, int epoch)
    {
        var ws = new RolloutPolicy.Workspace();
        int hits = 0, total = 0;
        var clock = new Stopwatch();
        foreach (var (game, moves) in targets)
            Walk(data, game, moves, (board, color, last, move) =>
            {
                clock.Start();
                int count = policy.Evaluate(board, color, last, ws);
                clock.Stop();
                total++;
                if (count == 0) return;
                int best = 0;
                for (int c = 1; c < count; c++) if (ws.LastProbabilities[c] > ws.LastProbabilities[best]) best = c;
                if (ws.LastCandidates[best] == move) hits++;
            });
        return new RolloutAccuracy(epoch, total, total == 0 ? 0 : (double)hits / total,
            total == 0 ? 0 : clock.Elapsed.TotalMilliseconds * 1000 / total);
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
