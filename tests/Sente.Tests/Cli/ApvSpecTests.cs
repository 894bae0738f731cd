using Sente.Cli.Composition.Players;
using Sente.Search.Apv;

namespace Sente.Tests.Cli;

/// <summary>The `apv:` player spec's keys reach the search options.</summary>
public class ApvSpecTests
{
    [Fact]
    public void OverlapThreadsAndBatchReachTheOptionsAndBadValuesAreNamed()
    {
        ApvSpec plain = ApvSpec.Parse("policy=p.ckpt,value=v.ckpt,rollout=r.bin");
        Assert.False(plain.Options(1).OverlapNetworks);
        ApvSpec spec = ApvSpec.Parse("policy=p.ckpt,value=v.ckpt,rollout=r.bin,overlap=1,threads=2,batch=16,time=400");
        var o = spec.Options(7);
        Assert.True(o.OverlapNetworks);
        Assert.Equal(2, o.RolloutThreads);
        Assert.Equal(16, o.BatchSize);
        Assert.Equal(7UL, o.Seed);
        Assert.Equal(TimeSpan.FromMilliseconds(400), spec.Limits!.Time);
        Assert.Equal(ApvValueAt.Visit, o.ValueAt);
        Assert.Equal(ApvValueAt.Expansion, ApvSpec.Parse("policy=p,value=v,rollout=r,valueat=expansion").Options(1).ValueAt);
        Assert.Equal(ApvValueAt.Node, ApvSpec.Parse("policy=p,value=v,rollout=r,valueat=node").Options(1).ValueAt);
        Assert.Contains("valueat=leaf", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,valueat=leaf")).Message);
        Assert.Contains("overlap=2", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,overlap=2")).Message);
        Assert.False(plain.Options(1).AsyncValues);
        Assert.True(ApvSpec.Parse("policy=p,value=v,rollout=r,valueat=node,async=1").Options(1).AsyncValues);
        Assert.Equal(0, plain.ValueThreads);
        Assert.Null(plain.Options(1).ValueThreshold);
        Assert.Equal(4, ApvSpec.Parse("policy=p,value=v,rollout=r,valueat=node,async=1,vthr=4").Options(1).ValueThreshold);
        Assert.Contains("vthr=N needs async=1", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,vthr=4")).Message);
        Assert.Equal(1, ApvSpec.Parse("policy=p,value=v,rollout=r,vthreads=1").ValueThreads);
        Assert.Contains("vthreads", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,vthreads=-1")).Message);
        Assert.Null(ApvSpec.Parse("policy=p,value=v,rollout=r").Options(1).FpuReduction);
        Assert.Equal(0.5, ApvSpec.Parse("policy=p,value=v,rollout=r,fpu=0.5").Options(1).FpuReduction);
        Assert.Contains("fpu", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,fpu=3")).Message);
        Assert.Contains("async=1 needs", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,async=1")).Message);
        Assert.Contains("async=1 needs", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,rollout=r,lambda=1,valueat=node,async=1")).Message);
    }

    [Fact]
    public void DeviceIsCpuOrCudaAndCudaWithoutAGpuIsACleanError()
    {
        Assert.Equal("cpu", ApvSpec.Parse("policy=p,value=v,rollout=r").Device);
        Assert.Equal("cuda", ApvSpec.Parse("policy=p,value=v,rollout=r,device=CUDA").Device);
        Assert.Contains("device=tpu", Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,device=tpu")).Message);
        Sente.Tests.Nn.NnTestUtil.Init();
        if (TorchSharp.torch.cuda.is_available()) return; // a GPU machine: nothing to refuse
        string message = Assert.Throws<ArgumentException>(() => ApvSpec.Parse("policy=p,value=v,rollout=r,device=cuda").Load(1)).Message;
        Assert.Contains("no CUDA device", message);
    }
}
