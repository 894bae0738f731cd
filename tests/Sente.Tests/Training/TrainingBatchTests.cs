using Sente.Core;
using Sente.Games;
using Sente.Training;
using Sente.Training.Zero;
using Sente.Core.Encoding;

namespace Sente.Tests.Training;

/// <summary>Training examples: z for the player to move, optionally mixed with the recorded search value q, and the
/// mirror augmentation of Connect Four moving planes and policy together.</summary>
public class TrainingBatchTests
{
    // Connect Four, player 0 wins with a vertical four in column 3 (moves 3,0,3,0,3,0,3).
    private static SelfPlayRecord Game()
    {
        int[] moves = [3, 0, 3, 0, 3, 0, 3];
        var records = moves.Select((a, i) => new MoveRecord(a, [a, 6], [3, 1], Value: i % 2 == 0 ? 0.5f : -0.25f)).ToList();
        return new SelfPlayRecord("connect4", 1, records, Outcome: 1, Resigned: false, ResignDisabled: false, WouldResignPlayer: -1);
    }

    [Fact]
    public void ValueTargetIsZOrTheMixOfZAndQForThePlayerToMove()
    {
        SelfPlayRecord g = Game();
        var samples = new List<PositionSample> { new(g, 0), new(g, 1) };
        var encoder = new ObservationEncoder(ConnectFour.Instance);
        TrainingBatch pure = TrainingBatch.Build(samples, ConnectFour.Instance, encoder, null, new Rng(1));
        Assert.Equal([1f, -1f], pure.Outcomes);
        TrainingBatch mixed = TrainingBatch.Build(samples, ConnectFour.Instance, encoder, null, new Rng(1), qWeight: 0.5);
        Assert.Equal(0.75f, mixed.Outcomes[0], 5);     // (1 + 0.5) / 2 for player 0
        Assert.Equal(-0.625f, mixed.Outcomes[1], 5);   // (-1 - 0.25) / 2 for player 1
    }

    [Fact]
    public void MirrorMovesThePolicyWithThePlanes()
    {
        // Before move 2: player 0 has column 3, player 1 column 0; the search visited column 3 (3) and column 6 (1).
        SelfPlayRecord g = Game();
        var encoder = new ObservationEncoder(ConnectFour.Instance);
        var mirror = new ColumnMirror(ConnectFour.Rows, ConnectFour.Columns);
        var samples = Enumerable.Repeat(new PositionSample(g, 2), 64).ToList();
        TrainingBatch b = TrainingBatch.Build(samples, ConnectFour.Instance, encoder, mirror, new Rng(7));
        int plane = ConnectFour.Rows * ConnectFour.Columns, mirrored = 0;
        for (int i = 0; i < b.Count; i++)
        {
            ReadOnlySpan<float> pi = b.Policies.AsSpan(i * 7, 7);
            ReadOnlySpan<float> opponent = b.Inputs.AsSpan(i * 3 * plane + plane, plane);
            Assert.Equal(1f, b.Inputs[i * 3 * plane + 3]);          // own stone, row 0, column 3: on the axis
            Assert.Equal(0.75f, pi[3]);
            bool flipped = opponent[6] == 1;
            Assert.Equal(flipped ? 0f : 1f, opponent[0]);
            Assert.Equal(flipped ? 0.25f : 0f, pi[0]);
            Assert.Equal(flipped ? 0f : 0.25f, pi[6]);
            if (flipped) mirrored++;
        }
        Assert.InRange(mirrored, 16, 48);
    }
}
