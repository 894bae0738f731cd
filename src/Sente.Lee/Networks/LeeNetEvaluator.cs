using Sente.Nn;
using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Core.Encoding;
using Sente.Lee.Features;

namespace Sente.Lee.Networks;

/// <summary>
/// Shared machinery of AlphaGo's separate networks as search evaluators: encodes Go states with
/// <see cref="AlphaGoEncoder"/> (the network reads the first <see cref="InputPlanes"/> planes), applies one random
/// dihedral symmetry per position (as AlphaGo's search does; seeded), runs the module in eval mode under no_grad on the
/// configured device, and hands each row of the output (mapped back through the symmetry when it is a policy) to the
/// subclass. Thread-safe: calls use their own buffers; the module is only read.
/// </summary>
public abstract class LeeNetEvaluator : IEvaluator
{
    private readonly nn.Module<Tensor, Tensor> _net;
    private readonly AlphaGoEncoder _encoder;
    private readonly Symmetry _symmetry;
    private readonly Device _device;
    private readonly int _outputs;
    private readonly ulong _seed;
    private long _calls;

    /// <param name="net">The network (put in eval mode and moved to <paramref name="device"/>).</param>
    /// <param name="boardSize">N.</param>
    /// <param name="inputPlanes">Planes the network reads: a prefix of AlphaGo's 49 (48 + colour).</param>
    /// <param name="outputs">Outputs per position: N*N+1 policy logits or 1 value.</param>
    protected LeeNetEvaluator(nn.Module<Tensor, Tensor> net, int boardSize, int inputPlanes, int outputs, string device, ulong seed)
    {
        if (inputPlanes is < 1 or > 49) throw new ArgumentException($"input planes must be 1..49, got {inputPlanes}");
        _net = net;
        _encoder = new AlphaGoEncoder(boardSize, colourPlane: inputPlanes > 48);
        _symmetry = Symmetry.For(boardSize);
        _device = torch.device(device);
        _outputs = outputs;
        _seed = seed;
        BoardSize = boardSize;
        InputPlanes = inputPlanes;
        _net.to(_device);
        _net.eval();
    }

    public int BoardSize { get; }
    public int InputPlanes { get; }

    /// <summary>If &gt; 0, each call first sets the calling thread's libtorch intra-op thread count to this (e.g. 1
    /// for a network evaluated on a thread of its own beside the rollouts); 0 leaves the thread's setting alone. Set it
    /// before the first call.</summary>
    public int IntraOpThreads { get; set; }

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        if (states.Count == 0) return;
        int actions = states[0].Game.NumActions;
        if (actions != BoardSize * BoardSize + 1)
            throw new ArgumentException($"the network is for {BoardSize}x{BoardSize} Go; the game has {actions} actions");
        if (IntraOpThreads > 0) TorchRuntime.ConfigureCurrentThread(IntraOpThreads);
        int n = BoardSize * BoardSize, full = _encoder.Planes * n, used = InputPlanes * n;
        var input = new float[states.Count * used];
        var syms = new int[states.Count];
        var plain = new float[full];
        var turned = new float[full];
        var rng = new Rng(_seed ^ (ulong)Interlocked.Increment(ref _calls) * 0x9E3779B97F4A7C15UL);
        for (int i = 0; i < states.Count; i++)
        {
            _encoder.Encode(states[i], plain);
            syms[i] = rng.NextInt(Symmetry.Count);
            _symmetry.TransformPlanes(syms[i], plain, turned, _encoder.Planes);
            turned.AsSpan(0, used).CopyTo(input.AsSpan(i * used, used));
        }
        float[] output;
        using (NewDisposeScope())
        using (no_grad())
        {
            Tensor x = torch.tensor(input, new long[] { states.Count, InputPlanes, BoardSize, BoardSize });
            if (_device.type != DeviceType.CPU) x = x.to(_device);
            output = _net.forward(x).to(ScalarType.Float32).cpu().data<float>().ToArray();
        }
        var back = new float[_outputs];
        var legal = new List<int>();
        for (int i = 0; i < states.Count; i++)
        {
            ReadOnlySpan<float> row = output.AsSpan(i * _outputs, _outputs);
            if (_outputs > 1)
            {
                _symmetry.PolicyBack(syms[i], row, back);
                row = back;
            }
            states[i].LegalActions(legal);
            Fill(row, legal, priors.Slice(i * actions, actions), ref values[i]);
        }
    }

    /// <summary>Turns one network output row (policy logits in the original orientation, or a single value) into the
    /// state's priors (all NumActions entries must be written) and value.</summary>
    protected abstract void Fill(ReadOnlySpan<float> output, List<int> legal, Span<float> priors, ref float value);
}
