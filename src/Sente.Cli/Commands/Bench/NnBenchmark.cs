using System.Diagnostics;
using Sente.Core;
using Sente.Go;
using Sente.Nn;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using Sente.Lee.Rollout;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Lee.Features;

namespace Sente.Cli.Commands.Bench;

/// <summary>One measured row: batch size, batches run, wall seconds.</summary>
public readonly record struct BenchResult(int Batch, int Iterations, double Seconds)
{
    /// <summary>Positions evaluated (or trained on) per second.</summary>
    public double PositionsPerSecond => Batch * Iterations / Seconds;

    /// <summary>Milliseconds per batch.</summary>
    public double MillisecondsPerBatch => 1000.0 * Seconds / Iterations;
}

/// <summary>
/// Timing of a <see cref="PolicyValueNet"/>: eval-mode forwards under no_grad on random 0/1 planes (what an evaluator
/// does after encoding), and full training steps (forward, cross-entropy + MSE loss, backward, SGD update).
/// Runs on the calling thread with its libtorch thread setting. Not thread-safe (the net changes mode).
/// </summary>
public static class NnBenchmark
{
    /// <summary>Measures inference at one batch size for about <paramref name="seconds"/> after a short warm-up.</summary>
    public static BenchResult Inference(PolicyValueNet net, int batch, double seconds, ScalarType dtype, ulong seed = 1)
    {
        var c = net.Config;
        net.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var gen = new Generator(seed);
        Tensor x = (rand(new long[] { batch, c.InputPlanes, c.BoardSize, c.BoardSize }, generator: gen) > 0.7).to(dtype);
        for (int i = 0; i < 3; i++) Run(net, x);
        var sw = Stopwatch.StartNew();
        int n = 0;
        do
        {
            Run(net, x);
            n++;
        } while (sw.Elapsed.TotalSeconds < seconds);
        return new BenchResult(batch, n, sw.Elapsed.TotalSeconds);
    }

    private static void Run(PolicyValueNet net, Tensor x)
    {
        using var scope = NewDisposeScope();
        var (p, v) = net.forward(x);
        // Read the results back as an evaluator does (forces completion on any device).
        _ = p.to(ScalarType.Float32).cpu().data<float>()[0] + v.to(ScalarType.Float32).cpu().data<float>()[0];
    }

    /// <summary>Measures training steps (float32) at one batch size for about <paramref name="seconds"/>.</summary>
    public static BenchResult TrainStep(PolicyValueNet net, int batch, double seconds, ulong seed = 1)
    {
        var c = net.Config;
        net.train();
        using var scope = NewDisposeScope();
        var gen = new Generator(seed);
        Tensor x = (rand(new long[] { batch, c.InputPlanes, c.BoardSize, c.BoardSize }, generator: gen) > 0.7).to(ScalarType.Float32);
        Tensor pi = nn.functional.softmax(randn(new long[] { batch, c.NumActions }, generator: gen), 1);
        Tensor z = rand(new long[] { batch }, generator: gen) * 2 - 1;
        using var opt = new Sgd(net.parameters(), 1e-4, momentum: 0.9);
        void Step()
        {
            using var s = NewDisposeScope();
            opt.ZeroGrad();
            var (p, v) = net.forward(x);
            Tensor loss = ScalarSafe.Add(-(pi * nn.functional.log_softmax(p, 1)).sum(1).mean(), nn.functional.mse_loss(v, z));
            loss.backward();
            opt.Step();
            _ = loss.item<float>();
        }
        Step();
        var sw = Stopwatch.StartNew();
        int n = 0;
        do
        {
            Step();
            n++;
        } while (sw.Elapsed.TotalSeconds < seconds);
        net.eval();
        return new BenchResult(batch, n, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Rollout-policy move selections per second (feature extraction + softmax + sampling, plain arrays, one
    /// thread): plays random-weight rollout games from the empty board until two passes or 2 x N x N moves.</summary>
    public static BenchResult RolloutMoves(int size, double seconds, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var weights = new float[RolloutFeatures.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(rng.NextGaussian() * 0.1);
        var policy = new RolloutPolicy(weights);
        var ws = new RolloutPolicy.Workspace();
        var board = new Board(size);
        long moves = 0;
        var sw = Stopwatch.StartNew();
        do
        {
            board.CopyFrom(new Board(size));
            Stone toMove = Stone.Black;
            int last = -1, passes = 0;
            for (int m = 0; m < 2 * size * size && passes < 2; m++)
            {
                int move = policy.Sample(board, toMove, last, ws, rng);
                if (move == board.Pass) passes++;
                else
                {
                    passes = 0;
                    board.Place(toMove, move);
                }
                moves++;
                last = move;
                toMove = toMove.Opponent();
            }
        } while (sw.Elapsed.TotalSeconds < seconds);
        return new BenchResult(1, (int)Math.Min(int.MaxValue, moves), sw.Elapsed.TotalSeconds);
    }

    /// <summary>AlphaGo's 49 input planes (<see cref="AlphaGoEncoder"/>) per second, one thread: positions
    /// after <paramref name="moves"/> random legal moves (no eye filling) on an N x N board, encoded over and over.</summary>
    public static BenchResult EncodeAlphaGo(int size, int moves, double seconds, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var positions = new List<GoState>();
        var legal = new List<int>();
        for (int g = 0; g < 16; g++)
        {
            var state = new GoState(size, 7.5, Rules.TrompTaylor);
            for (int m = 0; m < moves && !state.IsTerminal; m++)
            {
                state.LegalActions(legal);
                legal.RemoveAll(a => a == state.Pass || state.Board.IsOnePointEye(state.ToMove, a));
                if (legal.Count == 0) break;
                state.Play(state.ToMove, legal[rng.NextInt(legal.Count)]);
            }
            positions.Add(state);
        }
        var encoder = new AlphaGoEncoder(size, colourPlane: true);
        var planes = new float[encoder.Planes * size * size];
        foreach (GoState p in positions) encoder.Encode(p, planes);   // warm-up
        long n = 0;
        var sw = Stopwatch.StartNew();
        do encoder.Encode(positions[(int)(n++ % positions.Count)], planes);
        while (sw.Elapsed.TotalSeconds < seconds);
        return new BenchResult(1, (int)Math.Min(int.MaxValue, n), sw.Elapsed.TotalSeconds);
    }
}
