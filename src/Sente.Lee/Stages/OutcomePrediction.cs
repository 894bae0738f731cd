using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Go;
using Sente.Search.Apv;

namespace Sente.Lee.Stages;

/// <summary>How well one evaluator predicts game outcomes: over <see cref="Positions"/> positions, the mean squared
/// error against z (+1/-1 for the player to move; always predicting 0 scores 1) and the share of positions whose
/// prediction has z's sign (a prediction of exactly 0 counts one half).</summary>
public sealed record OutcomeError(string Evaluator, int Positions, double Mse, double SignAgreement);

/// <summary>
/// The two leaf evaluators of APV-MCTS side by side on positions of recorded games (any SGF collection with results,
/// e.g. GNU Go games or the games of a tournament): the value network v(s), and the mean of k rollouts of the rollout
/// policy from s (what a search with lambda = 1 backs up after k visits). The same positions for both; positions where
/// the game is already over are left out. Deterministic for the seed (given deterministic evaluators). Not thread-safe.
/// </summary>
public static class OutcomePrediction
{
    /// <summary>Measures <paramref name="values"/> (when given) and the mean of each count in
    /// <paramref name="rolloutCounts"/> rollouts of <paramref name="rollouts"/> (when given) on up to
    /// <paramref name="maxPositions"/> positions drawn at random from all of <paramref name="data"/>'s samples.</summary>
    /// <param name="maxRolloutMoves">Longest rollout; one cut there counts as 0.</param>
    /// <param name="moves">Only positions after this many moves of their game (inclusive range; null: all).</param>
    /// <param name="labels">Also score the labels stored in the games (<see cref="RolloutLabels.Property"/>, written by
    /// <c>lee value-label</c>) as predictions; only labelled positions are then drawn, for every evaluator.</param>
    /// <exception cref="InvalidDataException">With <paramref name="labels"/>: a malformed label, or no labelled position.</exception>
    public static IReadOnlyList<OutcomeError> Measure(ValuePositions data, IEvaluator? values, IRolloutPolicy? rollouts,
        IReadOnlyList<int> rolloutCounts, int maxPositions, ulong seed, int maxRolloutMoves = 1000,
        (int From, int To)? moves = null, bool labels = false)
    {
        if (maxPositions < 1) throw new ArgumentException($"positions must be >= 1 (got {maxPositions})");
        if (rolloutCounts.Any(k => k < 1)) throw new ArgumentException("rollout counts must be >= 1");
        if (moves is { } m && (m.From < 0 || m.To < m.From)) throw new ArgumentException($"move range {m.From}..{m.To} is empty or negative");
        var rng = new Rng(seed);
        List<(GoState State, float Z, double? Label)> positions = Draw(data, maxPositions, rng, moves ?? (0, int.MaxValue), labels);
        var results = new List<OutcomeError>();
        if (labels && positions.Count == 0)
            throw new InvalidDataException("no position drawn has a stored label (VR): label the games with lee value-label" + (moves is { } r ? $" (moves {r.From}..{r.To})" : ""));
        if (labels) results.Add(Error("stored labels (VR)", positions.Select(p => (p.Label!.Value, (double)p.Z)).ToList()));
        if (values is not null) results.Add(MeasureValues(positions, values));
        if (rollouts is not null && rolloutCounts.Count > 0)
        {
            int most = rolloutCounts.Max();
            var sums = new double[positions.Count, rolloutCounts.Count];
            for (int i = 0; i < positions.Count; i++)
            {
                GoState state = positions[i].State;
                double sum = 0;
                for (int r = 1; r <= most; r++)
                {
                    sum += rollouts.Rollout(state.Clone(), state.CurrentPlayer, rng, maxRolloutMoves);
                    for (int c = 0; c < rolloutCounts.Count; c++)
                        if (rolloutCounts[c] == r) sums[i, c] = sum / r;
                }
            }
            for (int c = 0; c < rolloutCounts.Count; c++)
            {
                int col = c;
                results.Add(Error($"mean of {rolloutCounts[c]} rollout(s)", positions.Select((p, i) => (sums[i, col], (double)p.Z)).ToList()));
            }
        }
        return results;
    }

    private static OutcomeError MeasureValues(List<(GoState State, float Z, double? Label)> positions, IEvaluator values)
    {
        const int chunk = 256;
        var pairs = new List<(double, double)>(positions.Count);
        int actions = positions.Count > 0 ? positions[0].State.Game.NumActions : 0;
        for (int start = 0; start < positions.Count; start += chunk)
        {
            var part = positions.Skip(start).Take(chunk).ToList();
            var v = new float[part.Count];
            values.Evaluate(part.Select(p => (IGameState)p.State).ToList(), new float[part.Count * actions], v);
            for (int i = 0; i < part.Count; i++) pairs.Add((v[i], part[i].Z));
        }
        return Error("value network", pairs);
    }

    private static OutcomeError Error(string name, List<(double Prediction, double Z)> pairs)
    {
        if (pairs.Count == 0) return new OutcomeError(name, 0, double.NaN, double.NaN);
        double mse = pairs.Average(p => (p.Prediction - p.Z) * (p.Prediction - p.Z));
        double agree = pairs.Average(p => p.Prediction == 0 ? 0.5 : Math.Sign(p.Prediction) == Math.Sign(p.Z) ? 1 : 0);
        return new OutcomeError(name, pairs.Count, mse, agree);
    }

    /// <summary>Up to <paramref name="count"/> distinct non-terminal positions of the samples (training and held-out
    /// alike) after <paramref name="moves"/> moves, in a seeded random order, each with the player to move the sample
    /// names; with <paramref name="labels"/> only labelled positions, each with its label for that player.</summary>
    private static List<(GoState, float, double?)> Draw(ValuePositions data, int count, Rng rng, (int From, int To) moves, bool labels)
    {
        var all = data.Train.Concat(data.Test).ToArray();
        for (int i = all.Length - 1; i > 0; i--) { int j = rng.NextInt(i + 1); (all[i], all[j]) = (all[j], all[i]); }
        var drawn = new List<(GoState, float, double?)>();
        foreach (ValueSample s in all)
        {
            if (drawn.Count == count) break;
            if (s.MoveCount < moves.From || s.MoveCount > moves.To) continue;
            double? label = labels ? RolloutLabels.LabelOf(data.Games[s.Game], s.MoveCount) : null;
            if (labels && label is null) continue;
            GoState state = data.StateOf(s);
            if (state.IsTerminal) continue;
            drawn.Add((state, s.Z, label is { } l ? ValuePositions.ForPlayerToMove(data.Games[s.Game], s.MoveCount, l) : null));
        }
        return drawn;
    }
}
