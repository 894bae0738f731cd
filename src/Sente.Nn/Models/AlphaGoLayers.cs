using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sente.Nn.Models;

/// <summary>The convolution stack AlphaGo's policy and value networks share: 5x5 first, then 3x3, all "same" size.</summary>
internal static class AlphaGoLayers
{
    /// <summary>A 5x5 conv (padding 2) from the input planes, then count - 1 3x3 convs (padding 1), k filters each.</summary>
    public static ModuleList<nn.Module<Tensor, Tensor>> Hidden(long inputPlanes, long filters, int count)
    {
        var list = new ModuleList<nn.Module<Tensor, Tensor>>();
        list.Add(nn.Conv2d(inputPlanes, filters, 5, padding: 2));
        for (int i = 1; i < count; i++) list.Add(nn.Conv2d(filters, filters, 3, padding: 1));
        return list;
    }

    /// <summary>Applies each conv followed by ReLU.</summary>
    public static Tensor Run(ModuleList<nn.Module<Tensor, Tensor>> convs, Tensor x)
    {
        Tensor h = x;
        foreach (var conv in convs) h = nn.functional.relu(conv.forward(h));
        return h;
    }
}
