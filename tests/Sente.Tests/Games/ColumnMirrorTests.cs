using Sente.Games;

namespace Sente.Tests.Games;

/// <summary>Connect Four's mirror augmentation: the mirrored observation of a position is the observation of the
/// mirrored position, and the policy moves with it.</summary>
public class ColumnMirrorTests
{
    private static readonly ColumnMirror Mirror = new(ConnectFour.Rows, ConnectFour.Columns);

    private static float[] Observe(ConnectFourState s)
    {
        var planes = new float[3 * ConnectFour.Rows * ConnectFour.Columns];
        s.WriteObservation(planes);
        return planes;
    }

    [Fact]
    public void MirroredObservationIsTheObservationOfTheMirroredGame()
    {
        int[] moves = [3, 0, 0, 6, 1, 1, 5, 2];
        float[] mirrored = new float[3 * 42];
        Mirror.TransformPlanes(1, Observe(ConnectFour.FromMoves(moves)), mirrored, 3);
        Assert.Equal(Observe(ConnectFour.FromMoves(moves.Select(c => 6 - c).ToArray())), mirrored);
        float[] same = new float[3 * 42];
        Mirror.TransformPlanes(0, Observe(ConnectFour.FromMoves(moves)), same, 3);
        Assert.Equal(Observe(ConnectFour.FromMoves(moves)), same);
        Assert.NotEqual(same, mirrored);
    }

    [Fact]
    public void PolicyFollowsTheColumnsAndTwiceIsTheIdentity()
    {
        float[] pi = [0.5f, 0.2f, 0.1f, 0.1f, 0.05f, 0.05f, 0f];
        var once = new float[7];
        var twice = new float[7];
        Mirror.TransformPolicy(1, pi, once);
        Assert.Equal([0f, 0.05f, 0.05f, 0.1f, 0.1f, 0.2f, 0.5f], once);
        Mirror.TransformPolicy(1, once, twice);
        Assert.Equal(pi, twice);
        Assert.Throws<ArgumentException>(() => Mirror.TransformPolicy(1, new float[8], new float[8]));
        Assert.Equal(2, Mirror.Count);
    }
}
