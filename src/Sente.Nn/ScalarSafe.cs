using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Nn;

/// <summary>
/// Tensor operations whose scalar argument is kept alive for the whole native call. TorchSharp turns a .NET number
/// into a <see cref="Scalar"/> (a native object with a finalizer) and passes only its handle, so after the handle is
/// read the Scalar is garbage: a collection during the call can finalize it and free the native value in use. Seen
/// here as "Expected false to be true ... toFloat (c10/core/Scalar.h)" from <c>add(Tensor)</c> (alpha = 1) after
/// 20 minutes of value-data games, and from TorchSharp's own <c>SGD.step</c> in a test run (hence
/// <see cref="Optimizers.Sgd"/>). Every hot forward path and training loss goes through these instead. Thread-safe.
/// </summary>
public static class ScalarSafe
{
    /// <summary>a + b (a new tensor).</summary>
    public static Tensor Add(Tensor a, Tensor b)
    {
        using Scalar one = 1.ToScalar();
        return a.add(b, one);
    }

    /// <summary>a += b in place; returns a.</summary>
    public static Tensor AddInPlace(Tensor a, Tensor b)
    {
        using Scalar one = 1.ToScalar();
        return a.add_(b, one);
    }

    /// <summary>a + c (a new tensor).</summary>
    public static Tensor Add(Tensor a, double c)
    {
        using Scalar v = c.ToScalar();
        return a.add(v);
    }

    /// <summary>a * c (a new tensor).</summary>
    public static Tensor Multiply(Tensor a, double c)
    {
        using Scalar v = c.ToScalar();
        return a.mul(v);
    }

    /// <summary>a / c (a new tensor).</summary>
    public static Tensor Divide(Tensor a, double c)
    {
        using Scalar v = c.ToScalar();
        return a.div(v);
    }

    /// <summary>a with <paramref name="value"/> where <paramref name="mask"/> is true (a new tensor).</summary>
    public static Tensor MaskedFill(Tensor a, Tensor mask, double value)
    {
        using Scalar v = value.ToScalar();
        return a.masked_fill(mask, v);
    }

    /// <summary>A tensor of <paramref name="shape"/> filled with <paramref name="value"/>.</summary>
    public static Tensor Full(long[] shape, float value, ScalarType dtype, Device device)
    {
        using Scalar v = value.ToScalar();
        return torch.full(shape, v, dtype: dtype, device: device);
    }
}
