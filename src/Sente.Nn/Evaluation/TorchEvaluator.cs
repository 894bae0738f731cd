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
/// own buffers; the shared network is only read. Encoding and post-processing: <see cref="NetworkBatch"/>.</para>
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
        symmetry = NetworkBatch.SymmetryFor(Options.Symmetry, encoder);
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

        int copies = NetworkBatch.CopiesFor(Options.Symmetry);
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
        var batch = NetworkBatch.Encode(encoder, symmetry, states, start, count, copies, rng);
        float[] logits, vals;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            Tensor x = torch.tensor(batch.Input, new long[] { batch.Rows, encoder.Planes, encoder.Height, encoder.Width });
            if (device.type != DeviceType.CPU || dtype != ScalarType.Float32) x = x.to(dtype, device);
            var (p, v) = net.forward(x);
            logits = p.to(ScalarType.Float32).cpu().data<float>().ToArray();
            vals = v.to(ScalarType.Float32).cpu().data<float>().ToArray();
        }
        batch.Decode(states, start, logits, vals, net.Config.NumActions, priors, values);
    }
}
