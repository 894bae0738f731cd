using System.Diagnostics;
using Sente.Core;
using Sente.Go;
using Sente.Lee.Rollout;

namespace Sente.Cli.Commands.Bench;

/// <summary>One measured configuration of <see cref="RolloutBenchmark"/>.</summary>
/// <param name="SelectMicroseconds">CPU microseconds per move: selection including feature updates (full moves minus a
/// replay of the same moves on a plain board), excluding board play and the per-rollout reset.</param>
/// <param name="MoveMicroseconds">CPU microseconds per move: selection + board play (+ incremental updates).</param>
/// <param name="ResetMicroseconds">CPU microseconds per rollout: the incremental path's full scoring of the start
/// position (0 for the full rescore, which keeps no state).</param>
/// <param name="MovesPerSecond">Moves per wall-clock second, everything included.</param>
/// <param name="RolloutsPerSecond">Rollouts per wall-clock second, everything included.</param>
public sealed record RolloutBenchRow(int Size, string Start, string Implementation, long Rollouts, long Moves,
    double SelectMicroseconds, double MoveMicroseconds, double ResetMicroseconds, double MovesPerSecond, double RolloutsPerSecond)
{
    public double AverageLength => Rollouts == 0 ? 0 : (double)Moves / Rollouts;
}

/// <summary>
/// Rollout-policy speed, one thread: full rollouts (until two passes or 3 x N x N moves, simple ko) from a fixed start
/// position, by the full rescore (<see cref="RolloutPolicy.Sample"/> + <see cref="Board.Place"/>) and by
/// <see cref="IncrementalRollout"/>. Board play is measured by replaying each rollout's moves on a plain board and
/// subtracted to give the time per move selection.
/// </summary>
public static class RolloutBenchmark
{
    /// <summary>A start position: the empty board, or (<paramref name="moves"/> &gt; 0) the position after that many
    /// moves of the policy from the empty board with <paramref name="seed"/>; returns it, the side to move and the
    /// last move (-1 for none).</summary>
    public static (Board Board, Stone ToMove, int LastMove) StartPosition(RolloutPolicy policy, int size, int moves, ulong seed)
    {
        var inc = new IncrementalRollout(policy, size);
        if (moves <= 0) return (inc.Board, Stone.Black, -1);
        var record = new int[moves];
        int played = inc.Run(Stone.Black, -1, new Rng(seed), moves, record);
        return (inc.Board, played % 2 == 0 ? Stone.Black : Stone.White, record[played - 1]);
    }

    /// <summary>Plays rollouts from <paramref name="start"/> for about <paramref name="seconds"/> (at least one), then
    /// replays the same moves on a plain board, then times the incremental reset alone; the split uses this thread's
    /// process CPU time per phase (insensitive to other load on the machine; phases last long enough for its
    /// ~10 ms resolution), the rates use wall-clock time.</summary>
    public static RolloutBenchRow Measure(RolloutPolicy policy, Board start, Stone toMove, int lastMove, string startName,
        bool incremental, double seconds, ulong seed)
    {
        int size = start.Size, n = start.PointCount, cap = 3 * n;
        var rng = new Rng(seed);
        var moves = new List<int>(1 << 16);
        var lengths = new List<int>(1024);
        var record = new int[cap];
        var board = new Board(size);
        var inc = incremental ? new IncrementalRollout(policy, size) : null;
        var ws = new RolloutPolicy.Workspace();

        // Phase 1: rollouts (the incremental reset included), wall and CPU time.
        double cpu0 = CpuSeconds();
        var wall = Stopwatch.StartNew();
        do
        {
            int length;
            if (inc is not null)
            {
                inc.Reset(start);
                length = inc.Run(toMove, lastMove, rng, cap, record);
            }
            else
            {
                board.CopyFrom(start);
                length = FullRescoreRollout(policy, board, toMove, lastMove, rng, cap, record, ws);
            }
            lengths.Add(length);
            for (int i = 0; i < length; i++) moves.Add(record[i]);
        } while (wall.Elapsed.TotalSeconds < seconds);
        double elapsed = wall.Elapsed.TotalSeconds;
        double rolloutCpu = CpuSeconds() - cpu0;
        long rollouts = lengths.Count, total = moves.Count;

        // Phase 2: the same moves on a plain board (repeated until the phase lasts long enough to time).
        double placeCpu = 0;
        int passesOverData = 0;
        cpu0 = CpuSeconds();
        var replayClock = Stopwatch.StartNew();
        do
        {
            int k = 0;
            foreach (int length in lengths)
            {
                board.CopyFrom(start);
                Stone c = toMove;
                for (int i = 0; i < length; i++, k++)
                {
                    if (moves[k] != n) board.Place(c, moves[k], allowSuicide: true);
                    c = (Stone)((byte)c ^ 3);
                }
            }
            passesOverData++;
        } while (replayClock.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 2));
        placeCpu = (CpuSeconds() - cpu0) / passesOverData;

        // Phase 3: the incremental reset alone.
        double resetCpu = 0;
        if (inc is not null)
        {
            int resets = 0;
            cpu0 = CpuSeconds();
            var resetClock = Stopwatch.StartNew();
            do
            {
                for (int i = 0; i < 64; i++) inc.Reset(start);
                resets += 64;
            } while (resetClock.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 2));
            resetCpu = (CpuSeconds() - cpu0) / resets;
        }
        double playCpu = rolloutCpu - resetCpu * rollouts;
        return new RolloutBenchRow(size, startName, incremental ? "incremental" : "full rescore", rollouts, total,
            (playCpu - placeCpu) * 1e6 / total, playCpu * 1e6 / total, resetCpu * 1e6, total / elapsed, rollouts / elapsed);
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>The reference rollout: every move re-scores every candidate (<see cref="RolloutPolicy.Sample"/>).</summary>
    public static int FullRescoreRollout(RolloutPolicy policy, Board board, Stone toMove, int lastMove, Rng rng, int maxMoves,
        int[]? record, RolloutPolicy.Workspace ws)
    {
        int moves = 0, passes = 0;
        Stone color = toMove;
        while (passes < 2 && moves < maxMoves)
        {
            int move = policy.Sample(board, color, lastMove, ws, rng);
            if (move == board.Pass) passes++;
            else { passes = 0; board.Place(color, move, allowSuicide: true); }
            if (record is not null) record[moves] = move;
            moves++;
            lastMove = move;
            color = (Stone)((byte)color ^ 3);
        }
        return moves;
    }
}
