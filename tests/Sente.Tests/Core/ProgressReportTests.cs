using Sente.Core;
using Sente.Training.Zero;

namespace Sente.Tests.Core;

public class ProgressReportTests
{
    [Fact]
    public void FractionIsClampedAndZeroWithoutTotal()
    {
        Assert.Equal(0.25, new ProgressReport("train", 1, 4).Fraction);
        Assert.Equal(1, new ProgressReport("train", 5, 4).Fraction);
        Assert.Equal(0, new ProgressReport("train", 3, 0).Fraction);
    }

    [Fact]
    public void OneReceiverTakesTheZeroLoopsReports()
    {
        var seen = new List<ProgressReport>();
        IProgress<ZeroProgress> zero = new SynchronousReceiver(seen);
        zero.Report(new ZeroProgress(3, "self-play", 2, 8, "2/8 games"));
        ProgressReport r = Assert.Single(seen);
        Assert.Equal(("self-play", 2, 8, "2/8 games"), (r.Phase, r.Done, r.Total, r.Message));
        Assert.Equal(3, Assert.IsType<ZeroProgress>(r).Iteration);
    }

    private sealed class SynchronousReceiver(List<ProgressReport> into) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => into.Add(value);
    }
}
