using System.Globalization;
using System.Text.Json;
using Sente.Core;
using Sente.Go;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Core.Encoding;
using Sente.Lee.Features;

namespace Sente.Lee.Stages;

/// <summary>Settings of value network training (AlphaGo's third step, regression on game outcomes). Immutable.</summary>
/// <param name="Filters">k, filters per layer (AlphaGo: 192).</param>
/// <param name="Layers">Convolution layers of the policy-shaped stack before the value head (AlphaGo: 13; the value
/// net keeps Layers - 1 of them, then a 1x1 conv, a 256-unit layer and tanh).</param>
/// <param name="LearningRate">SGD step (AlphaGo: 0.003).</param>
/// <param name="EvalEvery">Steps between evaluations (train and held-out MSE) and checkpoints.</param>
/// <param name="EvalPositions">Positions used per evaluation from each of the training and held-out sets (the same
/// ones each time).</param>
/// <param name="LrDrops">Steps at which the learning rate is divided by 10 (a step schedule; empty: constant).</param>
/// <param name="Trunk">A residual (or other) tower in place of AlphaGo's plain convolution stack; null: the paper's
/// stack of <paramref name="Layers"/> x <paramref name="Filters"/>.</param>
public sealed record SupervisedValueOptions(
    int Size = 9, int Filters = 64, int Layers = 7, int Batch = 64, int Steps = 2000,
    double LearningRate = 0.003, double Momentum = 0.9, double WeightDecay = 1e-4, bool Augment = true,
    int EvalEvery = 250, int EvalPositions = 2000, double TestFraction = 0.1, ulong Seed = 1, int Threads = 0,
    string Device = "cpu", long[]? LrDrops = null, TrunkConfig? Trunk = null)
{
    /// <summary>The learning rate of step <paramref name="step"/> (0-based) under the drop schedule.</summary>
    public double LearningRateAt(long step) => StageRun.LearningRateAt(LearningRate, LrDrops, step);

    public SupervisedValueOptions Validate()
    {
        StageRun.ValidateSupervised(Batch, Steps, EvalEvery, EvalPositions, LearningRate, LrDrops, TestFraction);
        if (!DeviceNames.IsValid(Device)) throw new ArgumentException($"device must be {DeviceNames.Expected} (got '{Device}')");
        Model.Validate();
        return this;
    }

    /// <summary>AlphaGo's value network on 49 planes (the 48 policy features and the colour to play), on
    /// <see cref="Trunk"/> when it is set.</summary>
    public ModelConfig Model => new(ModelKind.AlphaGoValue, Size, 49, Trunk, Filters: Filters, Layers: Layers);
}

/// <summary>Mean squared error of the value network after <see cref="Step"/> steps on a fixed subset of the training
/// positions (<see cref="TrainMse"/>) and of the held-out positions (<see cref="TestMse"/>), and of the best constant
/// predictor (the mean training outcome) on the same held-out positions (<see cref="ConstantMse"/>). Outcomes are
/// +1/-1, so MSE lies in [0, 4]; always predicting 0 scores 1.</summary>
public sealed record ValueError(long Step, double TrainMse, double TestMse, double ConstantMse);

/// <summary>
/// Trains AlphaGo's value network by regression: MSE between v(s) (for the player to move) and the target (the outcome z,
/// or a rollout label, <see cref="ValueTarget"/>), random
/// board symmetries, SGD with momentum. Writes a run directory (value.ckpt, value-optimizer.bin, value-state.json
/// {"Step", "Mode", "History": [{"Step","TrainMse","TestMse","ConstantMse"}]}), resumable after a stop or kill at the
/// last evaluation. Not thread-safe.
/// </summary>
public sealed class SupervisedValue(SupervisedValueOptions options, ValuePositions data, string runDirectory,
                                    IProgress<(long Step, long Total, string Message)>? progress = null)
{
    private readonly SupervisedValueOptions _o = options.Validate();
    private readonly AlphaGoEncoder _encoder = new(options.Size, colourPlane: true);
    private readonly Symmetry _symmetry = Symmetry.For(options.Size);
    private const int Planes = 49;

    private sealed record State(long Step, ValueMode Mode, List<ValueError> History, ValueTarget Target = ValueTarget.Outcome);

    public string CheckpointPath => Path.Combine(runDirectory, "value.ckpt");
    private string OptimizerPath => Path.Combine(runDirectory, "value-optimizer.bin");
    public string StatePath => Path.Combine(runDirectory, "value-state.json");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Trains until <see cref="SupervisedValueOptions.Steps"/> (resuming from the run directory) or
    /// cancellation; returns the error history.</summary>
    /// <exception cref="InvalidDataException">The run directory holds a run on other data (mode) or a broken state file.</exception>
    public IReadOnlyList<ValueError> Run(CancellationToken cancel = default)
    {
        TorchRuntime.InitializeProcess(intraOpThreads: _o.Threads);
        if (data.Size != _o.Size) throw new ArgumentException($"data are {data.Size}x{data.Size}, options say {_o.Size}");
        Directory.CreateDirectory(runDirectory);
        ModelConfig config = _o.Model;
        var device = new Device(_o.Device);
        random.manual_seed((long)(_o.Seed & 0x7fffffff));
        using var net = (AlphaGoValueNet)ModelFactory.Create(config);
        HeInitialize(net);
        State state = new(0, data.Mode, [], data.Target);
        if (File.Exists(StatePath) && File.Exists(CheckpointPath))
        {
            state = StageRun.ReadState<State>(StatePath, "value training state");
            if (state.Mode != data.Mode || state.Target != data.Target)
                throw new InvalidDataException($"{runDirectory} holds a run in mode '{state.Mode}' with {state.Target.ToString().ToLowerInvariant()} targets, " +
                                               $"not '{data.Mode}' with {data.Target.ToString().ToLowerInvariant()} targets (use another --run-dir)");
            try { Checkpoint.LoadInto(CheckpointPath, net, config); }
            catch (CheckpointException e) { throw new InvalidDataException($"{e.Message} (use another --run-dir)", e); }
        }
        net.to(device);
        using var optimizer = new Sgd(net.parameters(), _o.LearningRate, _o.Momentum, _o.WeightDecay);
        if (state.Step > 0 && File.Exists(OptimizerPath)) optimizer.Load(OptimizerPath);
        var rng = new Rng(_o.Seed ^ (ulong)state.Step * 0x9E3779B97F4A7C15UL);
        var evalRng = new Rng(_o.Seed ^ 0xA5A5A5A5UL);
        List<ValueSample> trainEval = Subset(data.Train, _o.EvalPositions, evalRng);
        List<ValueSample> testEval = Subset(data.Test, _o.EvalPositions, evalRng);
        double mean = data.Train.Average(s => (double)s.Z);
        double constantMse = testEval.Average(s => (s.Z - mean) * (s.Z - mean));
        var batch = new ValueSample[_o.Batch];
        while (state.Step < _o.Steps && !cancel.IsCancellationRequested)
        {
            net.train();
            optimizer.LearningRate = _o.LearningRateAt(state.Step);
            for (int i = 0; i < batch.Length; i++) batch[i] = data.Train[rng.NextInt(data.Train.Count)];
            var (x, z) = Encode(batch, _o.Augment ? rng : null);
            double loss = StageRun.SgdStep(optimizer, () => nn.functional.mse_loss(
                net.forward(tensor(x, new long[] { batch.Length, Planes, _o.Size, _o.Size }).to(device)), tensor(z).to(device)));
            state = state with { Step = state.Step + 1 };
            progress?.Report((state.Step, _o.Steps, $"batch MSE {loss:0.000}"));
            if (state.Step % _o.EvalEvery == 0 || state.Step == _o.Steps)
            {
                var e = new ValueError(state.Step, Mse(net, trainEval, device), Mse(net, testEval, device), constantMse);
                state = state with { History = [.. state.History, e] };
                StageRun.Save(CheckpointPath, net, config, state.Step,
                    new Dictionary<string, string> { ["test_mse"] = e.TestMse.ToString("0.0000", CultureInfo.InvariantCulture) },
                    optimizer, OptimizerPath, StatePath, state, Json);
                progress?.Report((state.Step, _o.Steps, $"train MSE {e.TrainMse:0.000}, held-out MSE {e.TestMse:0.000} (constant {e.ConstantMse:0.000})"));
            }
        }
        return state.History;
    }

    /// <summary>He (Kaiming) normal initialisation of every weight (fan in, ReLU gain) and zero biases. The network has
    /// no batch normalisation; with the default uniform initialisation the activations shrink by about sqrt(3) per
    /// layer, so after a few layers the value is a constant and the gradients vanish (measured: held-out MSE stuck at
    /// the constant predictor's on the GNU Go games). Deterministic for the torch seed.</summary>
    private static void HeInitialize(AlphaGoValueNet net)
    {
        using var _ = no_grad();
        foreach (var (name, p) in net.named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal)) nn.init.zeros_(p);
            else if (p.dim() < 2) continue; // a normalization's scale keeps its 1
            else nn.init.kaiming_normal_(p, mode: nn.init.FanInOut.FanIn, nonlinearity: nn.init.NonlinearityType.ReLU);
        }
    }

    /// <summary>Mean squared error of <paramref name="net"/> on <paramref name="samples"/> (identity symmetry).</summary>
    public double Mse(AlphaGoValueNet net, IReadOnlyList<ValueSample> samples, Device device)
    {
        if (samples.Count == 0) return double.NaN;
        net.eval();
        double sum = 0;
        const int chunk = 256;
        for (int start = 0; start < samples.Count; start += chunk)
        {
            var part = samples.Skip(start).Take(chunk).ToList();
            var (x, z) = Encode(part, null);
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            Tensor v = net.forward(tensor(x, new long[] { part.Count, Planes, _o.Size, _o.Size }).to(device));
            sum += nn.functional.mse_loss(v, tensor(z).to(device), nn.Reduction.Sum).item<float>();
        }
        return sum / samples.Count;
    }

    /// <summary>Up to <paramref name="count"/> distinct samples chosen at random (all of them when there are fewer).</summary>
    private static List<ValueSample> Subset(IReadOnlyList<ValueSample> all, int count, Rng rng)
    {
        if (all.Count <= count) return [.. all];
        var idx = Enumerable.Range(0, all.Count).ToArray();
        for (int i = 0; i < count; i++) { int j = i + rng.NextInt(idx.Length - i); (idx[i], idx[j]) = (idx[j], idx[i]); }
        return idx.Take(count).Select(i => all[i]).ToList();
    }

    /// <summary>49 input planes and outcomes for <paramref name="samples"/>, each under a random symmetry when
    /// <paramref name="rng"/> is given.</summary>
    private (float[] X, float[] Z) Encode(IReadOnlyList<ValueSample> samples, Rng? rng)
    {
        int size = Planes * _o.Size * _o.Size;
        var x = new float[samples.Count * size];
        var z = new float[samples.Count];
        var turned = new float[size];
        for (int i = 0; i < samples.Count; i++)
        {
            ValueSample t = samples[i];
            GoState s = data.StateOf(t);
            Span<float> dst = x.AsSpan(i * size, size);
            int sym = rng?.NextInt(Symmetry.Count) ?? 0;
            if (sym == 0) _encoder.Encode(s, dst);
            else
            {
                _encoder.Encode(s, turned);
                _symmetry.TransformPlanes(sym, turned, dst, Planes);
            }
            z[i] = t.Z;
        }
        return (x, z);
    }
}
