using Sente.Core.Evaluation;
using Sente.Go;

namespace Sente.Tests.Go;

public class NoEyeFillEvaluatorTests
{
    [Fact]
    public void OwnOnePointEyesGetNoPriorAndTheRestSumsToOne()
    {
        // Black has a one-point eye at A1 (corner surrounded by black stones at B1 and A2, diagonal B2 black).
        var state = new GoState(5, 0.5, Rules.TrompTaylor);
        foreach (string v in new[] { "B1", "A2", "B2" }) state.SetupStone(Vertex.Parse(v, 5), Stone.Black);
        int eye = Vertex.Parse("A1", 5);
        Assert.True(state.Board.IsOnePointEye(Stone.Black, eye));
        var priors = new float[26];
        var values = new float[1];
        new NoEyeFillEvaluator(new UniformEvaluator()).Evaluate([state], priors, values);
        Assert.Equal(0f, priors[eye]);
        Assert.Equal(1.0, priors.Sum(), 5);
        Assert.True(priors[Vertex.Parse("C3", 5)] > 0);

        // White to move: A1 is not White's eye (it is an illegal suicide point or not; either way not filtered as an eye).
        state.SetToMove(Stone.White);
        new NoEyeFillEvaluator(new UniformEvaluator()).Evaluate([state], priors, values);
        Assert.Equal(1.0, priors.Sum(), 5);
    }
}
