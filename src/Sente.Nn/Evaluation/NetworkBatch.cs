using Sente.Core;
using Sente.Core.Encoding;
using Sente.Core.Games;

namespace Sente.Nn.Evaluation;

/// <summary>
/// The torch-free half of a network evaluator, shared by <see cref="TorchEvaluator"/> and other backends (ONNX
/// Runtime): encodes a chunk of states into one input tensor (with the symmetry copies of <see cref="SymmetryMode"/>),
/// and turns the network's raw outputs back into what <see cref="Sente.Core.Evaluation.IEvaluator"/> promises.
/// <para>Input: <see cref="Rows"/> x Planes x H x W floats (N x C x H x W, channel-major), rows = count x copies, the
/// copies of state i in rows i x copies .. i x copies + copies - 1. Outputs read back: policy logits (rows x
/// actions, unnormalized, in the transformed orientation of each row) and values (rows, player to move's view).
/// Result: priors = softmax of the logits over each state's legal actions (mapped back through the row's symmetry,
/// averaged over copies: a mean of probabilities, not of logits), illegal actions 0; values averaged over copies and
/// clamped to [-1, 1].</para>
/// One instance per chunk and thread; not shared.
/// </summary>
public sealed class NetworkBatch
{
    private readonly int[] syms;
    private readonly Symmetry? symmetry;

    /// <summary>Positions in the chunk.</summary>
    public int Count { get; }

    /// <summary>Network rows: Count x copies.</summary>
    public int Rows { get; }

    /// <summary>Copies per position: 8 for <see cref="SymmetryMode.Average"/>, else 1.</summary>
    public int Copies { get; }

    /// <summary>The encoded input, Rows x Planes x H x W.</summary>
    public float[] Input { get; }

    private NetworkBatch(int count, int copies, int planeSize, Symmetry? symmetry)
    {
        Count = count;
        Copies = copies;
        Rows = count * copies;
        Input = new float[Rows * planeSize];
        syms = new int[Rows];
        this.symmetry = symmetry;
    }

    /// <summary>Copies per position for a mode (8 for Average, else 1).</summary>
    public static int CopiesFor(SymmetryMode mode) => mode == SymmetryMode.Average ? Symmetry.Count : 1;

    /// <summary>The symmetry table a mode needs on this encoder's board (null for <see cref="SymmetryMode.None"/>).</summary>
    /// <exception cref="ArgumentException">Symmetries on a non-square board.</exception>
    public static Symmetry? SymmetryFor(SymmetryMode mode, IPositionEncoder encoder)
    {
        if (mode == SymmetryMode.None) return null;
        if (encoder.Height != encoder.Width) throw new ArgumentException("symmetries need a square board");
        return Symmetry.For(encoder.Height);
    }

    /// <summary>Encodes states[start .. start + count) with <paramref name="copies"/> rows each: all 8 symmetries when
    /// copies = 8, one random symmetry (drawn from <paramref name="rng"/>) when a table is given and copies = 1, the
    /// position as is otherwise.</summary>
    public static NetworkBatch Encode(IPositionEncoder encoder, Symmetry? symmetry, IReadOnlyList<IGameState> states,
        int start, int count, int copies, Rng rng)
    {
        int planeSize = encoder.Planes * encoder.Height * encoder.Width;
        var batch = new NetworkBatch(count, copies, planeSize, symmetry);
        float[] input = batch.Input;
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
                batch.syms[row] = copies > 1 ? c : rng.NextInt(Symmetry.Count);
                symmetry!.TransformPlanes(batch.syms[row], plain, input.AsSpan(row * planeSize, planeSize), encoder.Planes);
            }
        }
        return batch;
    }

    /// <summary>Writes priors (Count x actions) and values (Count) from the raw outputs of the <see cref="Rows"/> rows.</summary>
    public void Decode(IReadOnlyList<IGameState> states, int start, ReadOnlySpan<float> logits, ReadOnlySpan<float> vals,
        int actions, Span<float> priors, Span<float> values)
    {
        var legal = new List<int>();
        var back = new float[actions];
        var probs = new double[actions];
        for (int i = 0; i < Count; i++)
        {
            states[start + i].LegalActions(legal);
            Array.Clear(probs);
            double value = 0;
            for (int c = 0; c < Copies; c++)
            {
                int row = i * Copies + c;
                ReadOnlySpan<float> rowLogits = logits.Slice(row * actions, actions);
                if (symmetry is not null)
                {
                    symmetry.PolicyBack(syms[row], rowLogits, back);
                    rowLogits = back;
                }
                LegalSoftmaxInto(rowLogits, legal, probs, 1.0 / Copies);
                value += vals[row];
            }
            Span<float> dst = priors.Slice(i * actions, actions);
            for (int a = 0; a < actions; a++) dst[a] = (float)probs[a];
            values[i] = Math.Clamp((float)(value / Copies), -1f, 1f);
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
