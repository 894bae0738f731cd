using Sente.Nn;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Lee.Stages;

/// <summary>
/// One REINFORCE step of AlphaGo's RL policy network: theta += lr * (1/n) * sum over the recorded moves of
/// grad log pi(a|s) * (z - b), n the number of games, z the mover's outcome, b = 0 or the value network's v(s) for
/// the mover. pi is the distribution the moves were sampled from: softmax(logits / T) over the allowed moves.
/// The optimizer (plain SGD as in the paper, or with momentum) applies the step; gradients accumulate over chunks
/// of positions, so memory stays bounded whatever the number of moves. Not thread-safe.
/// </summary>
public static class ReinforceUpdate
{
    private const int Chunk = 256;

    /// <summary>Applies one update to <paramref name="net"/> from <paramref name="samples"/> (whose outcomes must be
    /// set) and returns the surrogate loss -(1/n) sum (z - b) log pi(a|s) before the step.</summary>
    /// <param name="games">n, the number of games the samples come from (the paper's minibatch size).</param>
    /// <param name="baseline">Optional value network (49 planes: the 48 policy planes and "Black to move").</param>
    /// <param name="device">Where the networks are.</param>
    public static double Step(AlphaGoPolicyNet net, IOptimizer optimizer, PolicySamples samples, int games,
                              double temperature, AlphaGoValueNet? baseline, Device device)
    {
        if (games < 1) throw new ArgumentOutOfRangeException(nameof(games), games, "at least one game");
        if (samples.Outcomes.Count != samples.Count) throw new ArgumentException("the samples' outcomes are not set (games not finished)");
        net.train();
        optimizer.ZeroGrad();
        double loss = 0;
        int size = samples.Size, n = size * size, actions = n + 1, planes = net.Config.InputPlanes;
        for (int start = 0; start < samples.Count; start += Chunk)
        {
            int count = Math.Min(Chunk, samples.Count - start);
            var x = new float[count * planes * n];
            var mask = new bool[count * actions];
            var a = new long[count];
            var z = new float[count];
            for (int i = 0; i < count; i++)
            {
                int s = start + i;
                samples.Planes(s).AsSpan(0, planes * n).CopyTo(x.AsSpan(i * planes * n));
                samples.Allowed(s).CopyTo(mask, i * actions);
                a[i] = samples.Actions[s];
                z[i] = samples.Outcomes[s];
            }
            float[] b = baseline is null ? new float[count] : Values(baseline, samples, start, count, device);
            var advantage = new float[count];
            for (int i = 0; i < count; i++) advantage[i] = z[i] - b[i];
            using var scope = NewDisposeScope();
            Tensor logits = net.forward(tensor(x, new long[] { count, planes, size, size }).to(device));
            if (temperature != 1) logits = ScalarSafe.Divide(logits, temperature);
            Tensor allowed = tensor(mask, new long[] { count, actions }).to(device);
            Tensor logp = nn.functional.log_softmax(ScalarSafe.MaskedFill(logits, allowed.logical_not(), -1e9f), 1)
                .gather(1, tensor(a, new long[] { count, 1 }).to(device)).squeeze(1);
            Tensor l = ScalarSafe.Divide((logp * tensor(advantage).to(device)).sum().neg(), games);
            l.backward();
            loss += l.cpu().item<float>();
        }
        optimizer.Step();
        return loss;
    }

    /// <summary>v(s) for the mover of samples [start, start + count), no gradients.</summary>
    public static float[] Values(AlphaGoValueNet value, PolicySamples samples, int start, int count, Device device)
    {
        int size = samples.Size, n = size * size, planes = PolicySamples.PlaneCount;
        if (value.Config.InputPlanes != planes + 1 || value.Config.BoardSize != size)
            throw new ArgumentException($"the value network must read {planes + 1} planes of a {size}x{size} board " +
                                        $"(it is {Sente.Nn.Checkpoints.Checkpoint.Describe(value.Config)})");
        var x = new float[count * (planes + 1) * n];
        for (int i = 0; i < count; i++)
        {
            var dst = x.AsSpan(i * (planes + 1) * n, (planes + 1) * n);
            samples.Planes(start + i).CopyTo(dst);
            if (samples.Colours[start + i] == Sente.Go.Stone.Black) dst.Slice(planes * n, n).Fill(1f);
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return value.forward(tensor(x, new long[] { count, planes + 1, size, size }).to(device)).cpu().data<float>().ToArray();
    }
}
