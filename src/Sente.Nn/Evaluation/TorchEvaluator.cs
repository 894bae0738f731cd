using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Core.Encoding;

namespace Sente.Nn.Evaluation;

/// <summary>
/// <see cref="IEvaluator"/> on a TorchSharp <see cref="PolicyValueNet"/>: encodes the states with an
/// <see cref="IPositionEncoder"/>, runs batches of up to MaxBatch positions in eval mode under no_grad (a dispose
/// scope per batch), and turns the logits into priors by a softmax over each state's legal actions.
/// <para>The evaluator puts the network in eval mode and moves it to the device and dtype of the options: it owns
/// the network's mode from then on (do not train it meanwhile). Thread-safe: concurrent Evaluate calls each use their
/// own buffers; the shared network is only read.</para>
/// </summary>
public sealed class TorchEvaluator : IEvaluator
{
    private readonly PolicyValueNet net;
    private readonly IPositionEncoder encoder;
    private readonly Device device;
    private readonly ScalarType dtype;
    private readonly Symmetry? symmetry;
    private long calls;

    public TorchEvaluatorOptions Options { get; }

    public TorchEvaluator(PolicyValueNet net, IPositionEncoder encoder, TorchEvaluatorOptions? options = null)
    {
        Options = (options ?? new TorchEvaluatorOptions()).Validate();
        this.net = net;
        this.encoder = encoder;
        if (encoder.Planes != net.Config.InputPlanes || encoder.Height != net.Config.H || encoder.Width != net.Config.W)
            throw new ArgumentException($"encoder gives {encoder.Planes}x{encoder.Height}x{encoder.Width} planes, the network takes " +
                                        $"{net.Config.InputPlanes}x{net.Config.H}x{net.Config.W}");
        device = torch.device(Options.Device);
        dtype = Options.BFloat16 ? ScalarType.BFloat16 : ScalarType.Float32;
        if (Options.Symmetry != SymmetryMode.None)
        {
            if (encoder.Height != encoder.Width) throw new ArgumentException("symmetries need a square board");
            symmetry = Symmetry.For(encoder.Height);
        }
        net.to(device);
        net.to(dtype);
        net.eval();
    }

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        if (states.Count == 0) return;
        int actions = states[0].Game.NumActions;
        if (actions != net.Config.NumActions)
            throw new ArgumentException($"the game has {actions} actions, the network's policy {net.Config.NumActions}");
        if (priors.Length < states.Count * actions || values.Length < states.Count)
            throw new ArgumentException("priors/values spans are too small for the batch");
        if (Options.IntraOpThreads > 0) TorchRuntime.ConfigureCurrentThread(Options.IntraOpThreads);

        int copies = Options.Symmetry == SymmetryMode.Average ? Symmetry.Count : 1;
        int perBatch = Math.Max(1, Options.MaxBatch / copies);
        var rng = new Rng(Options.Seed ^ (ulong)Interlocked.Increment(ref calls) * 0x9E3779B97F4A7C15UL);
        for (int start = 0; start < states.Count; start += perBatch)
        {
            int count = Math.Min(perBatch, states.Count - start);
            EvaluateChunk(states, start, count, copies, rng, priors.Slice(start * actions, count * actions), values.Slice(start, count));
        }
    }

    private void EvaluateChunk(IReadOnlyList<IGameState> states, int start, int count, int copies, Rng rng,
        Span<float> priors, Span<float> values)
    {
        int planeSize = encoder.Planes * encoder.Height * encoder.Width;
        int actions = net.Config.NumActions;
        int rows = count * copies;
        var input = new float[rows * planeSize];
        var syms = new int[rows];
        var plain = copies > 1 || symmetry is not null ? new float[planeSize] : null;
        for (int i = 0; i < count; i++)
        {
            if (plain is null)
            {
                encoder.Encode(states[start + i], input.AsSpan(i * planeSize, planeSize));
                continue;
            }
            encoder.Encode(states[start + i], plain);
            for (int c = 0; c < copies; c++)
            {
                int row = i * copies + c;
                syms[row] = copies > 1 ? c : rng.NextInt(Symmetry.Count);
                symmetry!.TransformPlanes(syms[row], plain, input.AsSpan(row * planeSize, planeSize), encoder.Planes);
            }
        }

        float[] logits, vals;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            Tensor x = torch.tensor(input, new long[] { rows, encoder.Planes, encoder.Height, encoder.Width });
            if (device.type != DeviceType.CPU || dtype != ScalarType.Float32) x = x.to(dtype, device);
            var (p, v) = net.forward(x);
            logits = p.to(ScalarType.Float32).cpu().data<float>().ToArray();
            vals = v.to(ScalarType.Float32).cpu().data<float>().ToArray();
        }

        var legal = new List<int>();
        var back = new float[actions];
        var probs = new double[actions];
        for (int i = 0; i < count; i++)
        {
            states[start + i].LegalActions(legal);
            Array.Clear(probs);
            double value = 0;
            for (int c = 0; c < copies; c++)
            {
                int row = i * copies + c;
                ReadOnlySpan<float> rowLogits = logits.AsSpan(row * actions, actions);
                if (symmetry is not null)
                {
                    symmetry.PolicyBack(syms[row], rowLogits, back);
                    rowLogits = back;
                }
                LegalSoftmaxInto(rowLogits, legal, probs, 1.0 / copies);
                value += vals[row];
            }
            Span<float> dst = priors.Slice(i * actions, actions);
            for (int a = 0; a < actions; a++) dst[a] = (float)probs[a];
            values[i] = Math.Clamp((float)(value / copies), -1f, 1f);
        }
    }

    /// <summary>Adds weight x softmax(logits restricted to <paramref name="legal"/>) into <paramref name="acc"/>.</summary>
    private static void LegalSoftmaxInto(ReadOnlySpan<float> logits, List<int> legal, double[] acc, double weight)
    {
        if (legal.Count == 0) return;
        double max = double.NegativeInfinity;
        foreach (int a in legal) max = Math.Max(max, logits[a]);
        double sum = 0;
        foreach (int a in legal) sum += Math.Exp(logits[a] - max);
        foreach (int a in legal) acc[a] += weight * Math.Exp(logits[a] - max) / sum;
    }
}
