using Microsoft.ML.OnnxRuntime;

namespace Sente.Onnx.Evaluation;

/// <summary>
/// The one place that creates ONNX Runtime sessions: CPU execution provider, all graph optimizations (including the
/// QDQ fusions that turn a quantized model's DequantizeLinear - Conv - QuantizeLinear groups into integer kernels),
/// sequential execution with a single inter-op thread (Sente parallelizes above the network), and an intra-op pool
/// whose size is fixed at creation. Sessions are thread-safe: concurrent Run calls are allowed.
/// </summary>
public static class OnnxSessions
{
    /// <summary>A session for an ONNX model (the serialized bytes).</summary>
    /// <param name="intraOpThreads">Intra-op threads (0 = the number of cores).</param>
    /// <param name="allowSpinning">Whether idle intra-op threads spin (see <see cref="OnnxEvaluatorOptions.AllowSpinning"/>).</param>
    public static InferenceSession Create(byte[] model, int intraOpThreads, bool allowSpinning = false)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads > 0 ? intraOpThreads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", allowSpinning ? "1" : "0");
        options.AppendExecutionProvider_CPU(useArena: 1);
        return new InferenceSession(model, options);
    }

    /// <summary>The ONNX Runtime version of the loaded native library.</summary>
    public static string Version() => OrtEnv.Instance().GetVersionString();
}
