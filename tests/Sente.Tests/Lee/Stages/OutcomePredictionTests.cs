using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Search.Apv;
using Sente.Lee.Stages;

namespace Sente.Tests.Lee.Stages;

/// <summary>The value network and rollouts as outcome predictors (`lee value-eval`).</summary>
public class OutcomePredictionTests
{
    private static readonly string Data = RepoPaths.Data("gnugo-9x9/train.sgf");

    /// <summary>Uniform priors and one fixed value for every state.</summary>
    private sealed class ConstantEvaluator(float value) : IEvaluator
    {
        public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
        {
            priors.Clear();
            values[..states.Count].Fill(value);
        }
    }

    [Fact]
    public void ConstantPredictorsScoreWhatTheOutcomesSay()
    {
        var games = ValuePositions.Load(Data, 9, ValueMode.One, 0.1, seed: 4);
        var zero = Assert.Single(OutcomePrediction.Measure(games, new ConstantEvaluator(0), null, [], 300, seed: 5));
        Assert.Equal(300, zero.Positions);
        Assert.Equal(1.0, zero.Mse, 9);
        Assert.Equal(0.5, zero.SignAgreement, 9);
        var one = Assert.Single(OutcomePrediction.Measure(games, new ConstantEvaluator(1), null, [], 300, seed: 5));
        // Always +1: MSE is 4 x the share of losses for the player to move, and the sign agrees on every win.
        Assert.Equal(4 * (1 - one.SignAgreement), one.Mse, 9);
        Assert.Equal(134 / 300.0, one.SignAgreement, 9); // seeded: 134 of the 300 sampled positions are wins for the mover
        // A move range keeps only the positions in it: none of these short games reaches move 500.
        Assert.Equal(0, Assert.Single(OutcomePrediction.Measure(games, new ConstantEvaluator(0), null, [], 300, seed: 5, moves: (500, 600))).Positions);
        Assert.Throws<ArgumentException>(() => OutcomePrediction.Measure(games, new ConstantEvaluator(0), null, [], 300, seed: 5, moves: (9, 3)));
    }

    [Fact]
    public void StoredLabelsArePredictionsForThePlayerToMoveOnLabelledPositionsOnly()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-vlabels-{Guid.NewGuid():N}"[..24]);
        try
        {
            string labelled = Path.Combine(dir, "labels");
            RolloutLabels.Run(Data, labelled, new BlackAlwaysWins(), new RolloutLabelOptions(Rollouts: 1, PerGame: 3, FromMove: 4, Threads: 1));
            var games = ValuePositions.Load(labelled, 9, ValueMode.All, 0.1, seed: 4);
            var results = OutcomePrediction.Measure(games, new ConstantEvaluator(0), null, [], 1_000_000, seed: 5, labels: true);
            Assert.Equal(["stored labels (VR)", "value network"], results.Select(r => r.Evaluator));
            // Labelled positions only (3 per game, those before a move), the same ones for every evaluator.
            var expected = games.Train.Concat(games.Test)
                .Where(x => RolloutLabels.LabelOf(games.Games[x.Game], x.MoveCount) is not null && !games.StateOf(x).IsTerminal).ToList();
            Assert.InRange(expected.Count, 2 * games.Games.Count, 3 * games.Games.Count);
            Assert.All(results, r => Assert.Equal(expected.Count, r.Positions));
            // +1 for Black is right exactly where Black won, whoever is to move.
            double blackWon = expected.Average(x => (x.Z > 0) == (Sente.Lee.Stages.ValuePositions.ToMoveAfter(games.Games[x.Game], x.MoveCount) == Sente.Go.Stone.Black) ? 1.0 : 0.0);
            Assert.Equal(blackWon, results[0].SignAgreement, 9);
            Assert.Equal(4 * (1 - blackWon), results[0].Mse, 9);
            // Games without labels: nothing to score.
            var plain = ValuePositions.Load(Data, 9, ValueMode.All, 0.1, seed: 4);
            var error = Assert.Throws<InvalidDataException>(() => OutcomePrediction.Measure(plain, null, null, [], 100, seed: 5, labels: true));
            Assert.Contains("stored label", error.Message);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void MoreRolloutsPredictBetterAndTheSeedFixesTheResult()
    {
        var games = ValuePositions.Load(Data, 9, ValueMode.All, 0.1, seed: 4);
        var a = OutcomePrediction.Measure(games, null, new UniformRolloutPolicy(), [1, 8], 150, seed: 7);
        Assert.Equal(2, a.Count);
        Assert.All(a, e => Assert.Equal(150, e.Positions));
        // A single +1/-1 rollout has MSE 4 x P(wrong sign); averaging 8 of them shrinks the variance part.
        Assert.True(a[1].Mse < a[0].Mse, $"8 rollouts {a[1].Mse:0.000} vs 1 rollout {a[0].Mse:0.000}");
        var b = OutcomePrediction.Measure(games, null, new UniformRolloutPolicy(), [1, 8], 150, seed: 7);
        Assert.Equal(a, b);
    }

    [Fact]
    public void CliNamesWhatIsMissingOrMalformed()
    {
        var (code, _, err) = SenteCli.Run("lee", "value-eval", "--data", Data);
        Assert.NotEqual(0, code);
        Assert.Contains("--value", err);
        (code, _, err) = SenteCli.Run("lee", "value-eval", "--data", Data, "--rollout", "/nonexistent/rollout.bin", "--rollouts", "8,x");
        Assert.NotEqual(0, code);
        Assert.Contains("'x'", err);
        (code, _, err) = SenteCli.Run("lee", "value-eval", "--data", Data, "--rollout", "/nonexistent/rollout.bin", "--moves", "20-30");
        Assert.NotEqual(0, code);
        Assert.Contains("--moves", err);
        (code, _, err) = SenteCli.Run("lee", "value-eval", "--data", Data, "--value", "/nonexistent/value.ckpt");
        Assert.NotEqual(0, code);
        Assert.Contains("/nonexistent/value.ckpt", err);
    }
}
