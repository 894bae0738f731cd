using Sente.Core;
using Sente.Core.Games;
using Sente.Core.Encoding;

namespace Sente.Training.Zero;

/// <summary>
/// A minibatch of AlphaGo Zero training examples as flat arrays: inputs (B x C x H x W planes from the point of view
/// of the player to move), pi (B x NumActions root visit distributions) and z (B outcomes for the player to move,
/// +1 / -1 / 0). Built from replay samples by replaying each sampled game once.
/// </summary>
public sealed class TrainingBatch
{
    private TrainingBatch(int count, float[] inputs, float[] policies, float[] outcomes)
    {
        Count = count;
        Inputs = inputs;
        Policies = policies;
        Outcomes = outcomes;
    }

    public int Count { get; }
    public float[] Inputs { get; }
    public float[] Policies { get; }
    public float[] Outcomes { get; }

    /// <summary>Builds the batch. With <paramref name="symmetry"/>, each example is transformed by one of its members
    /// drawn from <paramref name="rng"/> (planes and policy alike): AlphaGo Zero's augmentation by the 8 symmetries of
    /// the Go board, the mirror for Connect Four. The value target is (1 - <paramref name="qWeight"/>) z + qWeight q, with
    /// q the root search value recorded with the move (for the player to move, like z).</summary>
    public static TrainingBatch Build(IReadOnlyList<PositionSample> samples, IGame game, IPositionEncoder encoder,
                                      IAugmentation? symmetry, Rng rng, double qWeight = 0)
    {
        int n = samples.Count, actions = game.NumActions;
        int planeSize = encoder.Planes * encoder.Height * encoder.Width;
        var inputs = new float[n * planeSize];
        var policies = new float[n * actions];
        var outcomes = new float[n];
        var plain = new float[planeSize];
        var pi = new float[actions];

        // Replay each sampled game once, visiting its sampled moves in order.
        var order = Enumerable.Range(0, n)
            .GroupBy(i => samples[i].Game, ReferenceEqualityComparer.Instance)
            .Select(g => (Game: (SelfPlayRecord)g.Key!, Rows: g.OrderBy(i => samples[i].MoveIndex).ToList()));
        foreach (var (record, rows) in order)
        {
            int next = 0;
            int moveIndex = 0;
            foreach (var (state, move, z) in record.Replay(game))
            {
                while (next < rows.Count && samples[rows[next]].MoveIndex == moveIndex)
                {
                    int row = rows[next++];
                    int sym = symmetry is null ? 0 : rng.NextInt(symmetry.Count);
                    Span<float> dst = inputs.AsSpan(row * planeSize, planeSize);
                    move.WritePolicy(pi);
                    if (sym == 0)
                    {
                        encoder.Encode(state, dst);
                        pi.CopyTo(policies.AsSpan(row * actions, actions));
                    }
                    else
                    {
                        encoder.Encode(state, plain);
                        symmetry!.TransformPlanes(sym, plain, dst, encoder.Planes);
                        symmetry.TransformPolicy(sym, pi, policies.AsSpan(row * actions, actions));
                    }
                    outcomes[row] = qWeight == 0 ? z : (float)((1 - qWeight) * z + qWeight * move.Value);
                }
                if (next == rows.Count) break;
                moveIndex++;
            }
            if (next != rows.Count)
                throw new InvalidOperationException($"replay sample beyond the end of a {record.Moves.Count}-move game");
        }
        return new TrainingBatch(n, inputs, policies, outcomes);
    }
}
