using System.Diagnostics;
using Sente.Cli.Composition;
using Sente.Core.Games;
using Sente.Games;
using Sente.Nn.Checkpoints;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using Sente.Search;
using Sente.Training.Zero;
using Xunit.Abstractions;
using Sente.Core.Encoding;

namespace Sente.Tests.Training;

/// <summary>
/// AlphaGo Zero from scratch on tic-tac-toe reaches perfect play: the trained network with search never loses,
/// as either colour, against every possible opponent reply (an exhaustive check, so also against the minimax player).
/// </summary>
public class TicTacToeZeroSlowTests(ITestOutputHelper output)
{
    /// <summary>Number of opponent move sequences that beat <paramref name="agent"/> playing <paramref name="agentPlayer"/>.</summary>
    public static int LosingLines(IGameState state, int agentPlayer, Func<IGameState, int> agent)
    {
        if (state.IsTerminal) return state.Returns(agentPlayer) < 0 ? 1 : 0;
        if (state.CurrentPlayer == agentPlayer)
        {
            int a = agent(state);
            state.Apply(a);
            int n = LosingLines(state, agentPlayer, agent);
            state.Undo();
            return n;
        }
        var moves = new List<int>();
        state.LegalActions(moves);
        int losses = 0;
        foreach (int m in moves)
        {
            state.Apply(m);
            losses += LosingLines(state, agentPlayer, agent);
            state.Undo();
        }
        return losses;
    }

    [Fact, Trait("Category", "Slow")]
    public async Task TrainedAgentNeverLosesAgainstAnyReplyWithinTenMinutes()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sente-ttt-" + Guid.NewGuid().ToString("N")[..8]);
        var clock = Stopwatch.StartNew();
        try
        {
            ZeroOptions o = ZeroOptions.DefaultsFor("tictactoe") with { EvalEvery = 0 };
            for (int iterations = 4; clock.Elapsed < TimeSpan.FromMinutes(10); iterations += 2)
            {
                await new ZeroRun(o with { Iterations = iterations }, GameCatalog.For(o), dir).RunAsync();
                var (module, header) = Checkpoint.Load(Path.Combine(dir, "best.ckpt"));
                var evaluator = new TorchEvaluator((PolicyValueNet)module, new ObservationEncoder(TicTacToe.Instance));
                var options = new MctsOptions { RootNoise = false };
                int Agent(IGameState s) => new Mcts(s, evaluator, options).Search(new SearchLimits(Visits: 100)).BestAction;
                int asX = LosingLines(TicTacToe.Instance.NewInitialState(), 0, Agent);
                int asO = LosingLines(TicTacToe.Instance.NewInitialState(), 1, Agent);
                output.WriteLine($"{clock.Elapsed.TotalMinutes:0.0} min, iteration {iterations}, step {header.TrainingStep}: losing lines as X {asX}, as O {asO}");
                if (asX == 0 && asO == 0) return;
            }
            Assert.Fail($"not perfect after {clock.Elapsed.TotalMinutes:0.0} minutes");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
