using System.Globalization;
using System.Diagnostics;
using Sente.Core;
using Sente.Go;
using GoRecord = Sente.Go.GameRecord;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Core.Encoding;
using Sente.Lee.Features;

namespace Sente.Lee.Stages;

/// <summary>Settings of supervised policy training (AlphaGo's SL policy network). Immutable.</summary>
/// <param name="Planes">Input planes: a prefix of AlphaGo's 48 (4, 12, 20 or 48 in the paper's ablation).</param>
/// <param name="Filters">k, filters per layer (AlphaGo match net: 192).</param>
/// <param name="Layers">Convolution layers including the 5x5 first and 1x1 last (AlphaGo: 13).</param>
/// <param name="LearningRate">SGD step (AlphaGo: 0.003, halved every 80M steps; momentum here speeds small runs).</param>
/// <param name="LrDrops">Steps at which the learning rate is divided by 10 (a step schedule; empty: constant).</param>
/// <param name="EvalEvery">Steps between held-out evaluations and checkpoints.</param>
/// <param name="EvalPositions">Held-out positions used per evaluation (the same ones each time).</param>
public sealed record SupervisedPolicyOptions(
    int Size = 9, int Planes = 48, int Filters = 64, int Layers = 7, int Batch = 64, int Steps = 2000,
    double LearningRate = 0.05, double Momentum = 0.9, double WeightDecay = 1e-4, bool Augment = true,
    int EvalEvery = 250, int EvalPositions = 2000, double TestFraction = 0.1, ulong Seed = 1, int Threads = 0,
    long[]? LrDrops = null)
{
    /// <summary>The learning rate of step <paramref name="step"/> (0-based) under the step schedule.</summary>
    public double LearningRateAt(long step) => StageRun.LearningRateAt(LearningRate, LrDrops, step);

    public SupervisedPolicyOptions Validate()
    {
        if (Planes is not (4 or 12 or 20 or 48)) throw new ArgumentException($"planes must be 4, 12, 20 or 48 (got {Planes})");
        StageRun.ValidateSupervised(Batch, Steps, EvalEvery, EvalPositions, LearningRate, LrDrops, TestFraction);
        if (Threads < 0) throw new ArgumentException($"threads must be >= 0 (got {Threads})");
        Model.Validate();
        return this;
    }

    public ModelConfig Model => new(ModelKind.AlphaGoPolicy, Size, Planes, Filters: Filters, Layers: Layers);
}

/// <summary>Held-out move-prediction accuracy after <see cref="Step"/> steps, and the network's time per position
/// (one forward pass). <see cref="Top1Symmetric"/>: top-1 of the move probabilities averaged over the 8 board
/// symmetries (8 forward passes per position; null in histories written before it existed).</summary>
public sealed record PolicyAccuracy(long Step, int Positions, double Top1, double Top3, double Loss, double MicrosecondsPerPosition,
                                    double? Top1Symmetric = null);

/// <summary>
/// Trains AlphaGo's SL policy network on expert moves: cross-entropy of the softmax over points against the
/// expert's move, AlphaGo's input features (a prefix of the 48 planes), random board symmetries, SGD with momentum.
/// Writes a run directory (policy.ckpt, optimizer.bin, sl-state.json with the accuracy history), resumable after
/// a stop or kill at the last evaluation. Not thread-safe.
/// </summary>
public sealed class SupervisedPolicy(SupervisedPolicyOptions options, SgfPositions data, string runDirectory,
                                     IProgress<(long Step, long Total, string Message)>? progress = null)
{
    private readonly SupervisedPolicyOptions _o = options.Validate();
    private readonly AlphaGoEncoder _encoder = new(options.Size);
    private readonly Symmetry _symmetry = Symmetry.For(options.Size);

    private sealed record State(long Step, List<PolicyAccuracy> History);

    private string CheckpointPath => Path.Combine(runDirectory, "policy.ckpt");
    private string OptimizerPath => Path.Combine(runDirectory, "optimizer.bin");
    private string StatePath => Path.Combine(runDirectory, "sl-state.json");

    /// <summary>Trains until <see cref="SupervisedPolicyOptions.Steps"/> (resuming from the run directory) or
    /// cancellation; returns the accuracy history.</summary>
    public IReadOnlyList<PolicyAccuracy> Run(CancellationToken cancel = default)
    {
        TorchRuntime.InitializeProcess(intraOpThreads: _o.Threads);
        if (data.Size != _o.Size) throw new ArgumentException($"data are {data.Size}x{data.Size}, options say {_o.Size}");
        Directory.CreateDirectory(runDirectory);
        ModelConfig config = _o.Model;
        random.manual_seed((long)(_o.Seed & 0x7fffffff));
        using var net = (AlphaGoPolicyNet)ModelFactory.Create(config);
        State state = new(0, []);
        if (File.Exists(StatePath) && File.Exists(CheckpointPath))
        {
            state = StageRun.ReadState<State>(StatePath, "policy training state");
            Checkpoint.LoadInto(CheckpointPath, net, config);
        }
        using var optimizer = new Sgd(net.parameters(), _o.LearningRate, _o.Momentum, _o.WeightDecay);
        if (state.Step > 0 && File.Exists(OptimizerPath)) optimizer.Load(OptimizerPath);
        var rng = new Rng(_o.Seed ^ (ulong)state.Step * 0x9E3779B97F4A7C15UL);
        var evalSet = data.Test.Take(_o.EvalPositions).ToList();
        while (state.Step < _o.Steps && !cancel.IsCancellationRequested)
        {
            net.train();
            double lr = _o.LearningRateAt(state.Step);
            optimizer.LearningRate = lr;
            var batch = Enumerable.Range(0, _o.Batch).Select(_ => data.Train[rng.NextInt(data.Train.Count)]).ToList();
            var (x, y) = Encode(batch, _o.Augment ? rng : null);
            double loss = StageRun.SgdStep(optimizer, () => nn.functional.cross_entropy(
                net.forward(tensor(x, new long[] { batch.Count, _o.Planes, _o.Size, _o.Size })), tensor(y, new long[] { batch.Count })));
            state = state with { Step = state.Step + 1 };
            progress?.Report((state.Step, _o.Steps, $"loss {loss:0.000}"));
            if (state.Step % _o.EvalEvery == 0 || state.Step == _o.Steps)
            {
                PolicyAccuracy acc = Evaluate(net, evalSet, state.Step);
                state = state with { History = [.. state.History, acc] };
                StageRun.Save(CheckpointPath, net, config, state.Step,
                    new Dictionary<string, string> { ["top1"] = acc.Top1.ToString("0.0000", CultureInfo.InvariantCulture) },
                    optimizer, OptimizerPath, StatePath, state);
                progress?.Report((state.Step, _o.Steps, $"held-out top-1 {acc.Top1:P1}, top-3 {acc.Top3:P1}"));
            }
        }
        return state.History;
    }

    /// <summary>Top-1 / top-3 accuracy (argmax over legal moves) and mean loss on <paramref name="positions"/>.</summary>
    public PolicyAccuracy Evaluate(AlphaGoPolicyNet net, IReadOnlyList<MoveTarget> positions, long step)
    {
        net.eval();
        int top1 = 0, top3 = 0, top1Symmetric = 0;
        double lossSum = 0;
        var clock = new Stopwatch();
        const int chunk = 256;
        for (int start = 0; start < positions.Count; start += chunk)
        {
            var part = positions.Skip(start).Take(chunk).ToList();
            var (x, y) = Encode(part, null);
            float[] logits;
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                clock.Start();
                Tensor l = net.forward(tensor(x, new long[] { part.Count, _o.Planes, _o.Size, _o.Size }));
                logits = l.data<float>().ToArray();
                clock.Stop();
                lossSum += nn.functional.cross_entropy(l, tensor(y, new long[] { part.Count })).item<float>() * part.Count;
            }
            int actions = _o.Size * _o.Size + 1;
            float[] averaged = SymmetryAveragedProbabilities(net, part, actions);
            for (int i = 0; i < part.Count; i++)
            {
                GoState s = data.Games[part[i].Game].Replay(part[i].MoveIndex);
                int bestAveraged = Enumerable.Range(0, actions - 1).Where(p => s.IsLegal(s.ToMove, p))
                    .OrderByDescending(p => averaged[i * actions + p]).FirstOrDefault(-1);
                if (bestAveraged == y[i]) top1Symmetric++;
                var ranked = Enumerable.Range(0, actions - 1).Where(p => s.IsLegal(s.ToMove, p))
                    .OrderByDescending(p => logits[i * actions + p]).Take(3).ToList();
                if (ranked.Count > 0 && ranked[0] == y[i]) top1++;
                if (ranked.Contains((int)y[i])) top3++;
            }
        }
        int n = Math.Max(1, positions.Count);
        return new PolicyAccuracy(step, positions.Count, (double)top1 / n, (double)top3 / n, lossSum / n,
            clock.Elapsed.TotalMilliseconds * 1000 / n, (double)top1Symmetric / n);
    }

    /// <summary>Move probabilities (part.Count x actions, original orientation) averaged over the 8 symmetries.</summary>
    private float[] SymmetryAveragedProbabilities(AlphaGoPolicyNet net, IReadOnlyList<MoveTarget> part, int actions)
    {
        var sum = new float[part.Count * actions];
        var back = new float[actions];
        for (int id = 0; id < Symmetry.Count; id++)
        {
            var (x, _) = Encode(part, null, id);
            float[] probs;
            using (var scope = NewDisposeScope())
            using (no_grad())
                probs = nn.functional.softmax(net.forward(tensor(x, new long[] { part.Count, _o.Planes, _o.Size, _o.Size })), 1)
                    .data<float>().ToArray();
            for (int i = 0; i < part.Count; i++)
            {
                _symmetry.PolicyBack(id, probs.AsSpan(i * actions, actions), back);
                for (int a = 0; a < actions; a++) sum[i * actions + a] += back[a];
            }
        }
        return sum;
    }

    /// <summary>Input planes (a prefix of the 48) and target points for <paramref name="targets"/>, each under a random
    /// symmetry when <paramref name="rng"/> is given.</summary>
    /// <remarks><paramref name="symmetry"/> fixes the symmetry instead (evaluation over all 8).</remarks>
    private (float[] X, long[] Y) Encode(IReadOnlyList<MoveTarget> targets, Rng? rng, int? symmetry = null)
    {
        int plane = _o.Size * _o.Size, size48 = 48 * plane, used = _o.Planes * plane;
        var x = new float[targets.Count * used];
        var y = new long[targets.Count];
        var full = new float[size48];
        var turned = new float[size48];
        for (int i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var game = data.Games[t.Game];
            GoState s = game.Replay(t.MoveIndex);
            if (s.ToMove != game.Moves[t.MoveIndex].Color) s.SetToMove(game.Moves[t.MoveIndex].Color);
            _encoder.Encode(s, full);
            int sym = symmetry ?? rng?.NextInt(Symmetry.Count) ?? 0;
            int point = game.Moves[t.MoveIndex].Point;
            if (sym != 0)
            {
                _symmetry.TransformPlanes(sym, full, turned, 48);
                turned.AsSpan(0, used).CopyTo(x.AsSpan(i * used, used));
                point = _symmetry.Map(sym, point);
            }
            else full.AsSpan(0, used).CopyTo(x.AsSpan(i * used, used));
            y[i] = point;
        }
        return (x, y);
    }
}
