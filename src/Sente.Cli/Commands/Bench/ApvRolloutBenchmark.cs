using System.Diagnostics;
using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Lee.Networks;
using Sente.Search.Apv;

namespace Sente.Cli.Commands.Bench;

/// <summary>One measured APV rollout configuration: rollouts per wall-clock second and CPU microseconds per rollout
/// (this process's CPU time, one thread), with the share of Black wins as a sanity check.</summary>
public sealed record ApvRolloutBenchRow(int Size, string Implementation, long Rollouts, double RolloutsPerSecond,
    double CpuMicrosecondsPerRollout, double BlackWinRate);

/// <summary>
/// The rollout as APV-MCTS runs it (<see cref="IRolloutPolicy.Rollout"/> on a clone of the leaf's <see cref="GoState"/>,
/// scored by area with komi), from the empty board, one thread: the move-by-move loop over
/// <see cref="LinearRolloutPolicy.ChooseAction"/> and <see cref="GoState.Apply"/> (full rescore and full rules per move:
/// the path before the incremental rollout) against <see cref="LinearRolloutPolicy.Rollout"/> (incremental).
/// </summary>
public static class ApvRolloutBenchmark
{
    /// <summary>Runs rollouts for about <paramref name="seconds"/> (at least one) with the APV cap
    /// (2 x <see cref="GoGame.MaxGameLength"/> moves).</summary>
    public static ApvRolloutBenchRow Measure(LinearRolloutPolicy policy, int size, double komi, bool incremental,
        double seconds, ulong seed)
    {
        var root = new GoState(size, komi, Rules.TrompTaylor);
        int cap = 2 * root.Game.MaxGameLength;
        var rng = new Rng(seed);
        IRolloutPolicy contract = policy;
        long rollouts = 0, blackWins = 0;
        double cpu0 = CpuSeconds();
        var wall = Stopwatch.StartNew();
        do
        {
            GoState leaf = root.Clone();
            double z = incremental ? contract.Rollout(leaf, 0, rng, cap) : MoveByMove(policy, leaf, rng, cap);
            if (z > 0) blackWins++;
            rollouts++;
        } while (wall.Elapsed.TotalSeconds < seconds);
        double elapsed = wall.Elapsed.TotalSeconds, cpu = CpuSeconds() - cpu0;
        return new ApvRolloutBenchRow(size, incremental ? "incremental" : "move by move", rollouts, rollouts / elapsed,
            cpu * 1e6 / rollouts, (double)blackWins / rollouts);
    }

    /// <summary>The move-by-move rollout (IRolloutPolicy's default loop), Black's result.</summary>
    public static double MoveByMove(IRolloutPolicy policy, IGameState state, Rng rng, int maxMoves)
    {
        for (int m = 0; m < maxMoves && !state.IsTerminal; m++) state.Apply(policy.ChooseAction(state, rng));
        return state.IsTerminal ? state.Returns(0) : 0;
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
