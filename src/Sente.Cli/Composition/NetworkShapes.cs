using Sente.Nn.Blocks;
using Sente.Nn.Models;

namespace Sente.Cli.Composition;

/// <summary>The network architectures of `bench nn` and `nn init` options (--arch, --board, --blocks, --filters,
/// --norm, --planes), in one place.</summary>
public static class NetworkShapes
{
    /// <summary>The network the options describe: a Zero net on the --arch trunk, or the AlphaGo policy+value pair.</summary>
    /// <exception cref="ArgumentException">An unknown trunk or norm, or a configuration that does not validate.</exception>
    public static ModelConfig Config(string arch, int size, int blocks, int filters, string norm, int planes)
    {
        if (arch.Trim().Equals("alphago", StringComparison.OrdinalIgnoreCase))
            return new ModelConfig(ModelKind.AlphaGo, size, planes > 0 ? planes : 49, Filters: filters, Layers: blocks, PassLogit: true).Validate();
        var trunk = new TrunkConfig(TrunkConfig.ParseKind(arch), blocks, filters, TrunkConfig.ParseNorm(norm),
            DenseBlocks: Math.Min(2, Math.Max(1, blocks)));
        return new ModelConfig(ModelKind.Zero, size, planes > 0 ? planes : 18, trunk).Validate();
    }
}
