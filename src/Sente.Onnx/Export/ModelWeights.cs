using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Onnx.Export;

/// <summary>
/// A snapshot of a module's state dict (parameters and buffers, e.g. BatchNorm running statistics) as float32
/// arrays with their shapes, keyed by the state-dict name ("trunk.blocks.0.conv1.weight"). Immutable after creation.
/// </summary>
internal sealed class ModelWeights
{
    private readonly Dictionary<string, (float[] Data, long[] Shape)> tensors = new(StringComparer.Ordinal);

    public ModelWeights(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, tensor) in module.state_dict())
        {
            if (!tensor.is_floating_point()) continue; // num_batches_tracked
            Tensor t = tensor.detach().to(ScalarType.Float32).cpu().contiguous();
            tensors[name] = (t.data<float>().ToArray(), t.shape.ToArray());
        }
    }

    /// <summary>True when the state dict has <paramref name="name"/>.</summary>
    public bool Has(string name) => tensors.ContainsKey(name);

    /// <summary>The values of <paramref name="name"/> (a copy the caller may change).</summary>
    /// <exception cref="InvalidOperationException">The name is missing: the exporter and the module disagree.</exception>
    public float[] Data(string name) => (float[])Get(name).Data.Clone();

    /// <summary>The shape of <paramref name="name"/>.</summary>
    public long[] Shape(string name) => Get(name).Shape;

    private (float[] Data, long[] Shape) Get(string name) => tensors.TryGetValue(name, out var t) ? t
        : throw new InvalidOperationException(
            $"ONNX export: the model has no tensor '{name}' (its structure differs from what the exporter expects)");
}
