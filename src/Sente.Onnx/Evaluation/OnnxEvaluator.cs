using Microsoft.ML.OnnxRuntime;
using Sente.Core;
using Sente.Core.Encoding;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Nn.Evaluation;
using Sente.Onnx.Export;

namespace Sente.Onnx.Evaluation;

/// <summary>
/// <see cref="IEvaluator"/> on an ONNX model written by <see cref="OnnxExport"/> (float32, or int8 QDQ from
/// <see cref="Quantization.QdqQuantizer"/>), run by ONNX Runtime on the CPU. Same contract and post-processing as
/// <see cref="TorchEvaluator"/> (they share <see cref="NetworkBatch"/>): the states are encoded with an
/// <see cref="IPositionEncoder"/> into N x C x H x W planes, run in batches of up to MaxBatch rows, and the
/// <c>policy</c> logits become priors by a softmax over each state's legal actions (illegal 0); the <c>value</c>
/// output is for the player to move, clamped to [-1, 1].
/// <para>Thread-safe: concurrent Evaluate calls share the session (ONNX Runtime allows concurrent runs) and use
/// their own buffers. Dispose releases the session.</para>
/// </summary>
public sealed class OnnxEvaluator : IEvaluator, IDisposable
{
    private readonly InferenceSession session;
    private readonly IPositionEncoder encoder;
    private readonly Symmetry? symmetry;
    private readonly int actions;
    private readonly string[] outputNames = [OnnxExport.PolicyName, OnnxExport.ValueName];
    private long calls;

    public OnnxEvaluatorOptions Options { get; }

    /// <summary>Policy outputs of the model.</summary>
    public int NumActions => actions;

    /// <summary>Opens the serialized model <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The model lacks a policy or value output, or its input is not the
    /// encoder's planes.</exception>
    public OnnxEvaluator(byte[] model, IPositionEncoder encoder, OnnxEvaluatorOptions? options = null)
    {
        Options = (options ?? new OnnxEvaluatorOptions()).Validate();
        this.encoder = encoder;
        session = OnnxSessions.Create(model, Options.IntraOpThreads, Options.AllowSpinning);
        try
        {
            if (!session.InputMetadata.TryGetValue(OnnxExport.InputName, out var input))
                throw new ArgumentException($"the ONNX model has no input '{OnnxExport.InputName}'");
            int[] d = input.Dimensions;
            if (d.Length != 4 || d[1] != encoder.Planes || d[2] != encoder.Height || d[3] != encoder.Width)
                throw new ArgumentException($"encoder gives {encoder.Planes}x{encoder.Height}x{encoder.Width} planes, the ONNX model " +
                                            $"takes [{string.Join(", ", d)}]");
            if (!session.OutputMetadata.TryGetValue(OnnxExport.PolicyName, out var policy) ||
                !session.OutputMetadata.ContainsKey(OnnxExport.ValueName))
                throw new ArgumentException("an evaluator needs a model with both 'policy' and 'value' outputs " +
                                            "(a policy-only or value-only network cannot be an IEvaluator)");
            actions = policy.Dimensions[^1];
            symmetry = NetworkBatch.SymmetryFor(Options.Symmetry, encoder);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Opens the ONNX model file at <paramref name="path"/>.</summary>
    public static OnnxEvaluator FromFile(string path, IPositionEncoder encoder, OnnxEvaluatorOptions? options = null) =>
        new(File.ReadAllBytes(path), encoder, options);

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        if (states.Count == 0) return;
        if (states[0].Game.NumActions != actions)
            throw new ArgumentException($"the game has {states[0].Game.NumActions} actions, the network's policy {actions}");
        if (priors.Length < states.Count * actions || values.Length < states.Count)
            throw new ArgumentException("priors/values spans are too small for the batch");

        int copies = NetworkBatch.CopiesFor(Options.Symmetry);
        int perBatch = Math.Max(1, Options.MaxBatch / copies);
        var rng = new Rng(Options.Seed ^ (ulong)Interlocked.Increment(ref calls) * 0x9E3779B97F4A7C15UL);
        for (int start = 0; start < states.Count; start += perBatch)
        {
            int count = Math.Min(perBatch, states.Count - start);
            var batch = NetworkBatch.Encode(encoder, symmetry, states, start, count, copies, rng);
            var (logits, vals) = Run(batch.Input, batch.Rows);
            batch.Decode(states, start, logits, vals, actions, priors.Slice(start * actions, count * actions), values.Slice(start, count));
        }
    }

    /// <summary>Runs the raw network on <paramref name="rows"/> encoded rows: (logits rows x actions, values rows).</summary>
    public (float[] Logits, float[] Values) Run(float[] input, int rows)
    {
        long[] shape = [rows, encoder.Planes, encoder.Height, encoder.Width];
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [OnnxExport.InputName], [tensor], outputNames);
        return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray());
    }

    public void Dispose() => session.Dispose();
}
