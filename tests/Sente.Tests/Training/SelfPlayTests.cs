using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Games;
using Sente.Search;
using Sente.Training;

namespace Sente.Tests.Training;

public class SelfPlayTests
{
    private static readonly SelfPlayOptions Small = new()
    {
        Limits = new SearchLimits(Visits: 60),
        Temperature = new TemperatureSchedule(Moves: 4),
        ParallelGames = 3,
        ResignThreshold = null,
    };

    [Fact]
    public async Task GamesAreLegalCompleteAndReproducible()
    {
        IGame game = TicTacToe.Instance;
        var seen = new List<SelfPlayRecord>();
        var worker = new SelfPlayWorker(game, new UniformEvaluator(), Small);
        IReadOnlyList<SelfPlayRecord> a = await worker.PlayAsync(5, seed: 7, g => { seen.Add(g); return ValueTask.CompletedTask; });
        IReadOnlyList<SelfPlayRecord> b = await new SelfPlayWorker(game, new UniformEvaluator(), Small).PlayAsync(5, seed: 7);
        Assert.Equal(5, a.Count);
        Assert.Equal(5, seen.Count);
        Assert.Equal(a.Select(g => g.Seed).Order(), b.Select(g => g.Seed).Order());
        foreach (SelfPlayRecord g in a)
        {
            SelfPlayRecord twin = b.Single(x => x.Seed == g.Seed);
            Assert.Equal(g.Moves.Select(m => m.Action), twin.Moves.Select(m => m.Action));
            IGameState end = game.NewInitialState();
            var pi = new float[game.NumActions];
            foreach (var (state, move, z) in g.Replay(game))
            {
                Assert.True(state.IsLegal(move.Action));
                move.WritePolicy(pi);
                Assert.Equal(1f, pi.Sum(), 4);
                Assert.All(move.VisitActions, x => Assert.True(state.IsLegal(x)));
                Assert.Equal(g.OutcomeFor(state.CurrentPlayer), z);
                end.Apply(move.Action);
            }
            Assert.True(end.IsTerminal);
            Assert.Equal(end.Returns(0), g.Outcome);
            Assert.False(g.Resigned);
        }
        // Different seeds give different games (temperature 1 and root noise).
        IReadOnlyList<SelfPlayRecord> c = await new SelfPlayWorker(game, new UniformEvaluator(), Small).PlayAsync(5, seed: 8);
        Assert.NotEqual(a.SelectMany(g => g.Moves.Select(m => m.Action)), c.SelectMany(g => g.Moves.Select(m => m.Action)));
    }

    [Fact]
    public async Task SelfPlayFeedsTheReplayBufferAndTheGamesSurviveARestart()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-selfplay-" + Guid.NewGuid().ToString("N"));
        try
        {
            IReadOnlyList<SelfPlayRecord> played;
            using (ReplayBuffer buffer = ReplayBuffer.Open(dir))
                played = await new SelfPlayWorker(ConnectFour.Instance, new UniformEvaluator(), Small with { Limits = new SearchLimits(Visits: 30) })
                    .PlayAsync(4, seed: 3, sink: buffer);
            using ReplayBuffer reopened = ReplayBuffer.Open(dir);
            IReadOnlyList<SelfPlayRecord> stored = await reopened.RecentAsync(10);
            Assert.Equal(played.Select(g => g.Seed), stored.Select(g => g.Seed));
            foreach (SelfPlayRecord g in stored)
            {
                int moves = 0;
                foreach (var (state, move, _) in g.Replay(ConnectFour.Instance))
                {
                    Assert.True(state.IsLegal(move.Action));
                    moves++;
                }
                Assert.Equal(played.Single(p => p.Seed == g.Seed).Moves.Count, moves);
            }
            Assert.Equal(played.Sum(g => g.Moves.Count), (await reopened.StatsAsync()).Positions);

            // Sampled positions become (observation, pi, z) examples that match a direct replay.
            var obs = new float[3 * 6 * 7];
            var pi = new float[7];
            foreach (PositionSample sample in await reopened.SampleAsync(20, seed: 1))
            {
                float z = TrainingExample.Write(ConnectFour.Instance, sample, obs, pi);
                var (state, move, expectedZ) = sample.Game.Replay(ConnectFour.Instance).ElementAt(sample.MoveIndex);
                var expectedObs = new float[obs.Length];
                state.WriteObservation(expectedObs);
                Assert.Equal(expectedObs, obs);
                Assert.Equal(expectedZ, z);
                Assert.Equal(1f, pi.Sum(), 4);
                Assert.True(pi[move.Action] > 0 || move.VisitCounts.Length == 0);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task ResignationEndsLostGamesAndDisabledGamesMeasureIt()
    {
        // Random rollouts see a lost tic-tac-toe position clearly below -0.3 often enough to resign.
        var resign = Small with { ResignThreshold = -0.3, ResignDisabledFraction = 0, Limits = new SearchLimits(Visits: 200) };
        var games = await new SelfPlayWorker(TicTacToe.Instance, new RandomRolloutEvaluator(3), resign).PlayAsync(12, 1);
        Assert.Contains(games, g => g.Resigned);
        Assert.All(games.Where(g => g.Resigned), g => Assert.NotEqual(0, g.Outcome));

        var measure = resign with { ResignDisabledFraction = 1 };
        var played = await new SelfPlayWorker(TicTacToe.Instance, new RandomRolloutEvaluator(3), measure).PlayAsync(12, 1);
        Assert.All(played, g => Assert.True(g.ResignDisabled && !g.Resigned));
        Assert.Contains(played, g => g.WouldResignPlayer >= 0);
        Assert.Equal(4 / 7.0, ResignCalibration.FalsePositiveRate(played, -0.3)!.Value, 12); // seeded: exactly 4/7
    }

    [Fact]
    public void CalibrationPicksTheHighestThresholdUnderTheTarget()
    {
        static SelfPlayRecord G(float[] values, int outcome) => new("tictactoe", 0,
            values.Select(v => new MoveRecord(0, [0], [1], v)).ToArray(), outcome, false, true, -1);
        var games = new[]
        {
            G([0f, -0.95f], 1),   // player 1 falls to -0.95 and loses (player 0 wins): resigning is correct
            G([0f, -0.7f], 1),    // player 1 falls to -0.7 and loses: correct
            G([-0.555f, 0f], 1),  // player 0 dips to -0.555 and wins: a false positive for thresholds above it
        };
        Assert.Equal(1.0 / 3, ResignCalibration.FalsePositiveRate(games, -0.5)!.Value, 6);
        Assert.Equal(0.0, ResignCalibration.FalsePositiveRate(games, -0.65)!.Value, 6);
        Assert.Null(ResignCalibration.FalsePositiveRate(games, -0.99));
        Assert.Equal(-0.56, ResignCalibration.Calibrate(games, targetRate: 0.05), 6);
    }
}
