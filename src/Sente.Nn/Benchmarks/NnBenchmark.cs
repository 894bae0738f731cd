using System.Diagnostics;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn.Benchmarks;

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
        var opt = optim.SGD(net.parameters(), 1e-4, momentum: 0.9);
        void Step()
        {
            using var s = NewDisposeScope();
            opt.zero_grad();
            var (p, v) = net.forward(x);
            Tensor loss = -(pi * nn.functional.log_softmax(p, 1)).sum(1).mean() + nn.functional.mse_loss(v, z);
            loss.backward();
            opt.step();
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
}
