namespace Sente.Onnx.Quantization;

/// <summary>Immutable options of <see cref="QdqQuantizer"/>.</summary>
/// <param name="ReduceRange">Quantize weights to 7 bits ([-63, 63]) instead of 8 ([-127, 127]). ONNX Runtime's
/// u8 x s8 kernels on AVX2 without VNNI add pairs of u8 x s8 products in 16 bits (vpmaddubsw), which can saturate
/// with full-range weights; 7-bit weights cannot. On this project's AVX2 machine, measured on briefly trained 9x9
/// networks (docs/ONNX.md), full range kept 70.8-99.0 % top-1 agreement with float32 and 7 bits 94.8-99.0 %: on by
/// default. Turn it off only on CPUs with AVX512-VNNI / AVX-VNNI.</param>
/// <param name="CalibrationBatch">Rows per calibration run.</param>
public sealed record QuantizationOptions(bool ReduceRange = true, int CalibrationBatch = 64)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid member.</summary>
    public QuantizationOptions Validate()
    {
        if (CalibrationBatch < 1) throw new ArgumentException($"calibration batch must be >= 1 (got {CalibrationBatch})");
        return this;
    }
}
