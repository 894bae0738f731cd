using Sente.Nn.Evaluation;

namespace Sente.Onnx.Evaluation;

/// <summary>Immutable options of <see cref="OnnxEvaluator"/> (the ONNX Runtime counterpart of
/// <see cref="TorchEvaluatorOptions"/>).</summary>
/// <param name="IntraOpThreads">Threads of the session's intra-op pool, fixed when the session is created (ONNX
/// Runtime's pool belongs to the session, so this is set once, not per call); 0 = the number of cores.</param>
/// <param name="MaxBatch">Largest batch sent to the network in one run; bigger requests are split.</param>
/// <param name="Symmetry">Symmetry handling, as <see cref="TorchEvaluator"/> (needs a square board).</param>
/// <param name="Seed">Seed of the random symmetries.</param>
/// <param name="AllowSpinning">Let idle intra-op threads spin-wait for work (ONNX Runtime's default). Off by default
/// so that idle pools do not burn a shared machine's cores (the same choice as OMP_WAIT_POLICY=PASSIVE for torch).</param>
public sealed record OnnxEvaluatorOptions(
    int IntraOpThreads = 1,
    int MaxBatch = 256,
    SymmetryMode Symmetry = SymmetryMode.None,
    ulong Seed = 1,
    bool AllowSpinning = false)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid member.</summary>
    public OnnxEvaluatorOptions Validate()
    {
        if (IntraOpThreads < 0) throw new ArgumentException($"intra-op threads must be >= 0 (got {IntraOpThreads})");
        if (MaxBatch < 1) throw new ArgumentException($"max batch must be >= 1 (got {MaxBatch})");
        if (!Enum.IsDefined(Symmetry)) throw new ArgumentException($"unknown symmetry mode {Symmetry}");
        return this;
    }
}
