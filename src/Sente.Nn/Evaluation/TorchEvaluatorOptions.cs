using Sente.Core.Encoding;

namespace Sente.Nn.Evaluation;

/// <summary>How <see cref="TorchEvaluator"/> applies board symmetries at inference.</summary>
public enum SymmetryMode
{
    /// <summary>Evaluate the position as is.</summary>
    None,
    /// <summary>One random symmetry per position (AlphaGo Zero's search); seeded.</summary>
    Random,
    /// <summary>All 8 symmetries; priors (mapped back) and values averaged. 8x the compute.</summary>
    Average,
}

/// <summary>Immutable options of <see cref="TorchEvaluator"/>.</summary>
/// <param name="Device">"cpu" or "cuda" (or "cuda:N").</param>
/// <param name="BFloat16">Run the network in bfloat16 instead of float32 (inputs and outputs stay float32 on the .NET side).</param>
/// <param name="MaxBatch">Largest batch sent to the network in one forward; bigger requests are split.</param>
/// <param name="Symmetry">Symmetry handling; needs a square board whose actions are the N*N points (+ pass).</param>
/// <param name="Seed">Seed of the random symmetries.</param>
/// <param name="IntraOpThreads">If &gt; 0, each call sets the calling thread's libtorch intra-op thread count to this
/// (libtorch's setting is per OS thread); 0 leaves it as configured by <see cref="TorchRuntime"/>.</param>
public sealed record TorchEvaluatorOptions(
    string Device = "cpu",
    bool BFloat16 = false,
    int MaxBatch = 256,
    SymmetryMode Symmetry = SymmetryMode.None,
    ulong Seed = 1,
    int IntraOpThreads = 0)
{
    public TorchEvaluatorOptions Validate()
    {
        if (MaxBatch < 1) throw new ArgumentException($"max batch must be >= 1 (got {MaxBatch})");
        if (IntraOpThreads < 0) throw new ArgumentException($"intra-op threads must be >= 0 (got {IntraOpThreads})");
        if (!(Device == "cpu" || Device.StartsWith("cuda", StringComparison.Ordinal)))
            throw new ArgumentException($"device must be cpu or cuda[:N] (got '{Device}')");
        return this;
    }
}
