using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Tests.Nn;

public class OptimizerTests
{
    public OptimizerTests() => NnTestUtil.Init();

    /// <summary>A small net; the same seed gives the same weights. The last layer's bias is left out of the loss
    /// below (it gets no gradient), so the "no gradient -> skipped" path is exercised.</summary>
    private static nn.Module<Tensor, Tensor> Net(long seed)
    {
        random.manual_seed(seed);
        return nn.Sequential(nn.Conv2d(2, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 5 * 5, 3));
    }

    private static void Backward(nn.Module<Tensor, Tensor> net, int step)
    {
        using var scope = NewDisposeScope();
        Tensor x = randn(new long[] { 8, 2, 5, 5 }, generator: new Generator((ulong)step));
        Tensor y = randn(new long[] { 8, 3 }, generator: new Generator(1000 + (ulong)step));
        nn.functional.mse_loss(net.forward(x), y).backward();
    }

    private static void AssertSameParameters(nn.Module a, nn.Module b)
    {
        var pa = a.named_parameters().ToList();
        var pb = b.named_parameters().ToList();
        Assert.Equal(pa.Count, pb.Count);
        for (int i = 0; i < pa.Count; i++)
            Assert.True(NnTestUtil.Same(pa[i].parameter, pb[i].parameter), $"parameter {pa[i].name} differs");
    }

    /// <summary>Six steps of ours and of TorchSharp's optimizer on identical nets, the learning rate changed before step
    /// <paramref name="changeRateAt"/>; the parameters must be bit-identical after every step.</summary>
    private static void StepSideBySide(nn.Module<Tensor, Tensor> ours, IOptimizer optimizer, nn.Module<Tensor, Tensor> theirs,
                                       optim.Optimizer reference, int changeRateAt, double newRate)
    {
        for (int step = 0; step < 6; step++)
        {
            if (step == changeRateAt) { optimizer.LearningRate = newRate; foreach (var g in reference.ParamGroups) g.LearningRate = newRate; }
            optimizer.ZeroGrad(); reference.zero_grad();
            Backward(ours, step); Backward(theirs, step);
            optimizer.Step(); reference.step();
            AssertSameParameters(ours, theirs);
        }
    }

    [Fact]
    public void SgdIsTorchSgdBitForBitWithMomentumDecayAndALearningRateChange()
    {
        using var ours = Net(3);
        using var theirs = Net(3);
        using var sgd = new Sgd(ours.parameters(), 0.05, momentum: 0.9, weightDecay: 1e-3);
        using var reference = optim.SGD(theirs.parameters(), 0.05, 0.9, weight_decay: 1e-3);
        var before = ours.parameters().Select(p => p.detach().clone()).ToList();
        StepSideBySide(ours, sgd, theirs, reference, changeRateAt: 3, newRate: 0.01);
        Assert.Equal(0.01, sgd.LearningRate);
        Assert.False(NnTestUtil.Same(before[0], ours.parameters().First()), "the step did not move the weights");
    }

    [Fact]
    public void PlainSgdIsThetaMinusLearningRateTimesGradient()
    {
        Tensor w = tensor(new float[] { 3, -1 }).requires_grad_(true);
        var p = new TorchSharp.Modules.Parameter(w);
        using var sgd = new Sgd([p], 0.25);
        (p * p).sum().backward(); // gradient 2w = (6, -2)
        sgd.Step();
        Assert.Equal(new float[] { 1.5f, -0.5f }, p.detach().data<float>().ToArray());
        sgd.ZeroGrad();
        Assert.Equal(new float[] { 0, 0 }, p.grad!.data<float>().ToArray());
    }

    [Fact]
    public void SgdStateIsTorchSharpsFileFormatAndAResumeContinuesExactly()
    {
        string dir = Directory.CreateTempSubdirectory("sente-sgd-").FullName;
        try
        {
            string path = Path.Combine(dir, "optimizer.bin");
            using var a = Net(4);
            using var sgdA = new Sgd(a.parameters(), 0.05, momentum: 0.9, weightDecay: 1e-3);
            for (int step = 0; step < 3; step++) { sgdA.ZeroGrad(); Backward(a, step); sgdA.Step(); }
            sgdA.Save(path);
            Assert.Equal(["optimizer.bin"], Directory.GetFiles(dir).Select(Path.GetFileName)); // no temporary left

            // B resumes with Sgd, C with TorchSharp's SGD, from copies of A's weights and A's file.
            using var b = Net(99);
            using var c = Net(98);
            using (no_grad())
            {
                foreach (var (pb, pa) in b.parameters().Zip(a.parameters())) pb.copy_(pa);
                foreach (var (pc, pa) in c.parameters().Zip(a.parameters())) pc.copy_(pa);
            }
            using var sgdB = new Sgd(b.parameters(), 0.5, momentum: 0.9, weightDecay: 1e-3);
            sgdB.Load(path);
            Assert.Equal(0.05, sgdB.LearningRate); // the file's rate, not the constructor's
            using var sgdC = optim.SGD(c.parameters(), 0.05, 0.9, weight_decay: 1e-3);
            sgdC.load_state_dict(path);
            for (int step = 3; step < 6; step++)
            {
                sgdA.ZeroGrad(); sgdB.ZeroGrad(); sgdC.zero_grad();
                Backward(a, step); Backward(b, step); Backward(c, step);
                sgdA.Step(); sgdB.Step(); sgdC.step();
                AssertSameParameters(a, b);
                AssertSameParameters(a, c);
            }

            // And a file TorchSharp's SGD wrote loads into Sgd.
            string theirs = Path.Combine(dir, "theirs.bin");
            sgdC.save_state_dict(theirs);
            using var sgdD = new Sgd(c.parameters(), 0.05, momentum: 0.9, weightDecay: 1e-3);
            sgdD.Load(theirs);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void ABadOptimizerFileIsAnErrorNamingIt()
    {
        string dir = Directory.CreateTempSubdirectory("sente-sgd-").FullName;
        try
        {
            using var net = Net(5);
            using var sgd = new Sgd(net.parameters(), 0.1, momentum: 0.9);
            string garbage = Path.Combine(dir, "garbage.bin");
            File.WriteAllBytes(garbage, [1, 2, 3]);
            var e = Assert.Throws<InvalidDataException>(() => sgd.Load(garbage));
            Assert.Contains(garbage, e.Message);

            // The state of another network (fewer parameters) is refused, not half-loaded.
            using var other = nn.Linear(3, 2);
            using var otherSgd = new Sgd(other.parameters(), 0.1, momentum: 0.9);
            string wrong = Path.Combine(dir, "other.bin");
            otherSgd.Save(wrong);
            e = Assert.Throws<InvalidDataException>(() => sgd.Load(wrong));
            Assert.Contains(wrong, e.Message);

            Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(net.parameters(), -0.1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(net.parameters(), 0.1, momentum: 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(net.parameters(), 0.1, weightDecay: double.NaN));
            Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = -1);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void AdamIsTorchAdamBitForBit()
    {
        using var ours = Net(7);
        using var theirs = Net(7);
        using var adam = new Adam(ours.parameters(), 0.01);
        using var reference = optim.Adam(theirs.parameters(), 0.01);
        StepSideBySide(ours, adam, theirs, reference, changeRateAt: 4, newRate: 0.003);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(ours.parameters(), 0.01, beta1: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(ours.parameters(), -0.01));
    }
}
