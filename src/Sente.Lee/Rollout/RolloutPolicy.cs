using Sente.Core;
using Sente.Go;

namespace Sente.Lee.Rollout;

/// <summary>
/// AlphaGo's rollout policy: a linear softmax over <see cref="RolloutFeatures"/>, p(a) ∝ exp(Σ w_f over a's active
/// features), computed on plain arrays (no TorchSharp) for the fast rollout loop. Candidates are the empty points
/// where the player to move may play on the board (not suicide, not the simple-ko point) and, with
/// <see cref="SkipOwnEyes"/>, not its own one-point eyes; pass is the caller's business (no candidate = pass).
/// Weights are trainable by <see cref="TrainStep"/> (SGD on the cross-entropy of an expert move).
/// <para>Thread-safety: reading (scoring, sampling) from several threads is safe only with one
/// <see cref="Workspace"/> per thread; training mutates the weights and must not overlap other use.</para>
/// </summary>
public sealed class RolloutPolicy
{
    /// <summary>The weights, one per feature (<see cref="RolloutFeatures.Count"/>).</summary>
    public float[] Weights { get; }

    /// <summary>Whether candidates exclude the mover's own one-point eyes.</summary>
    public bool SkipOwnEyes { get; }

    public RolloutPolicy(float[]? weights = null, bool skipOwnEyes = true)
    {
        Weights = weights ?? new float[RolloutFeatures.Count];
        if (Weights.Length != RolloutFeatures.Count)
            throw new ArgumentException($"rollout policy needs {RolloutFeatures.Count} weights, got {Weights.Length}");
        SkipOwnEyes = skipOwnEyes;
    }

    /// <summary>Per-thread scratch: candidates, their features and probabilities.</summary>
    public sealed class Workspace
    {
        internal readonly RolloutFeatures Features = new();
        internal int[] Candidates = new int[361];
        internal int[] Active = new int[361 * RolloutFeatures.MaxActive];
        internal int[] ActiveCount = new int[361];
        internal double[] Probabilities = new double[361];
        internal int Count;

        internal void Ensure(int points)
        {
            if (Candidates.Length >= points) return;
            Candidates = new int[points];
            Active = new int[points * RolloutFeatures.MaxActive];
            ActiveCount = new int[points];
            Probabilities = new double[points];
        }

        /// <summary>Candidates of the last <see cref="Evaluate"/> call.</summary>
        public ReadOnlySpan<int> LastCandidates => Candidates.AsSpan(0, Count);

        /// <summary>Their probabilities (same order).</summary>
        public ReadOnlySpan<double> LastProbabilities => Probabilities.AsSpan(0, Count);
    }

    /// <summary>Computes candidates, features and softmax probabilities into <paramref name="ws"/>; returns the
    /// number of candidates (0: the player should pass).</summary>
    public int Evaluate(Board board, Stone toMove, int lastMove, Workspace ws)
    {
        int n = board.PointCount;
        ws.Ensure(n);
        int count = 0;
        int ko = board.KoPoint;
        double max = double.NegativeInfinity;
        foreach (int p in board.EmptyPoints)
        {
            if (p == ko || board.IsSuicide(toMove, p)) continue;
            if (SkipOwnEyes && board.IsOnePointEye(toMove, p)) continue;
            ws.Candidates[count] = p;
            Span<int> active = ws.Active.AsSpan(count * RolloutFeatures.MaxActive, RolloutFeatures.MaxActive);
            int k = ws.Features.Extract(board, toMove, lastMove, p, active);
            ws.ActiveCount[count] = k;
            double score = 0;
            for (int i = 0; i < k; i++) score += Weights[active[i]];
            ws.Probabilities[count] = score;
            if (score > max) max = score;
            count++;
        }
        ws.Count = count;
        double sum = 0;
        for (int i = 0; i < count; i++) sum += ws.Probabilities[i] = Math.Exp(ws.Probabilities[i] - max);
        for (int i = 0; i < count; i++) ws.Probabilities[i] /= sum;
        return count;
    }

    /// <summary>Samples a move from the policy (the pass index when there is no candidate).</summary>
    public int Sample(Board board, Stone toMove, int lastMove, Workspace ws, Rng rng)
    {
        int count = Evaluate(board, toMove, lastMove, ws);
        if (count == 0) return board.Pass;
        double r = rng.NextDouble();
        for (int i = 0; i < count - 1; i++)
        {
            r -= ws.Probabilities[i];
            if (r < 0) return ws.Candidates[i];
        }
        return ws.Candidates[count - 1];
    }

    /// <summary>
    /// One SGD step on -log p(<paramref name="target"/>) for the position; returns that loss before the step, or NaN
    /// (no step) when the target is not a candidate (a pass, an eye fill with <see cref="SkipOwnEyes"/>, illegal).
    /// Gradient: for each feature f, Σ_c p(c) [f ∈ c] - [f ∈ target]; weights move against it by
    /// <paramref name="learningRate"/>.
    /// </summary>
    public double TrainStep(Board board, Stone toMove, int lastMove, int target, float learningRate, Workspace ws)
    {
        int count = Evaluate(board, toMove, lastMove, ws);
        int t = Array.IndexOf(ws.Candidates, target, 0, count);
        if (t < 0) return double.NaN;
        double loss = -Math.Log(Math.Max(ws.Probabilities[t], 1e-300));
        for (int c = 0; c < count; c++)
        {
            double g = ws.Probabilities[c] - (c == t ? 1.0 : 0.0);
            if (g == 0) continue;
            int k = ws.ActiveCount[c];
            int baseIndex = c * RolloutFeatures.MaxActive;
            for (int i = 0; i < k; i++) Weights[ws.Active[baseIndex + i]] -= (float)(learningRate * g);
        }
        return loss;
    }

    /// <summary>Probability of <paramref name="move"/> (0 if not a candidate) in the position.</summary>
    public double Probability(Board board, Stone toMove, int lastMove, int move, Workspace ws)
    {
        int count = Evaluate(board, toMove, lastMove, ws);
        int i = Array.IndexOf(ws.Candidates, move, 0, count);
        return i < 0 ? 0 : ws.Probabilities[i];
    }
}
