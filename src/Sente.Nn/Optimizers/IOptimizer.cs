namespace Sente.Nn.Optimizers;

/// <summary>
/// A gradient-descent optimizer over a fixed list of parameters. Unlike TorchSharp's managed optimizers, every scalar
/// it hands to libtorch is held in a variable that lives until the native call returns (see <see cref="ScalarSafe"/>):
/// TorchSharp's own <c>step()</c> converts learning rate, momentum and decay to temporary <c>Scalar</c>s whose
/// finalizer can free them during the call, which crashed a CI run in a value-network training test ("Expected false
/// to be true ... toFloat", c10/core/Scalar.h). Not thread-safe: one training loop owns it.
/// </summary>
public interface IOptimizer : IDisposable
{
    /// <summary>The step size used by the next <see cref="Step"/> (for every parameter).</summary>
    double LearningRate { get; set; }

    /// <summary>Sets every parameter's gradient to zero (gradients accumulate across backward passes until then).</summary>
    void ZeroGrad();

    /// <summary>Applies one update from the parameters' current gradients; parameters without a gradient are skipped.</summary>
    void Step();
}
