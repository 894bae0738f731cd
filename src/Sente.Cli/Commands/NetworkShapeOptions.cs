using System.CommandLine;
using Sente.Nn.Blocks;
using Sente.Nn.Models;

namespace Sente.Cli.Commands;

/// <summary>
/// The options that describe a fresh network, shared by `bench nn` and `nn init`: --board, --arch (a Zero net on a
/// resnet, preact, wide, pyramid or dense trunk, or the AlphaGo policy+value pair), --blocks, --filters, --norm and
/// --planes. <see cref="Config"/> turns the parsed values into the architecture. One instance per command.
/// </summary>
public sealed class NetworkShapeOptions
{
    public Option<int> Board { get; } = SharedOptions.BoardSize("Board size (e.g. 9 or 19).", 19, "--board");

    public Option<string> Arch { get; } = new("--arch")
    {
        Description = "resnet | preact | wide | pyramid | dense (Zero net on that trunk) or alphago (policy+value pair).",
        DefaultValueFactory = _ => "resnet",
    };

    public Option<int> Blocks { get; } = new("--blocks") { Description = "Trunk blocks (alphago: conv layers).", DefaultValueFactory = _ => 6 };

    public Option<int> Filters { get; } = new("--filters") { Description = "Trunk width (alphago: filters).", DefaultValueFactory = _ => 64 };

    public Option<string> Norm { get; } = new("--norm") { Description = "batch | layer | none.", DefaultValueFactory = _ => "batch" };

    public Option<int> Planes { get; } = new("--planes")
    {
        Description = "Input planes (0: 18 for Zero nets, as Leela Zero; 49 for alphago).", DefaultValueFactory = _ => 0,
    };

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [Board, Arch, Blocks, Filters, Norm, Planes];

    /// <summary>The network the parsed options describe.</summary>
    /// <exception cref="CliException">An unknown trunk or norm, or an architecture that does not validate.</exception>
    public ModelConfig Config(ParseResult parse)
    {
        string arch = parse.GetValue(Arch)!;
        int size = parse.GetValue(Board), blocks = parse.GetValue(Blocks), filters = parse.GetValue(Filters), planes = parse.GetValue(Planes);
        try
        {
            if (arch.Trim().Equals("alphago", StringComparison.OrdinalIgnoreCase))
                return new ModelConfig(ModelKind.AlphaGo, size, planes > 0 ? planes : 49, Filters: filters, Layers: blocks, PassLogit: true)
                    .Validate();
            var trunk = new TrunkConfig(TrunkConfig.ParseKind(arch), blocks, filters, TrunkConfig.ParseNorm(parse.GetValue(Norm)!),
                DenseBlocks: Math.Min(2, Math.Max(1, blocks)));
            return new ModelConfig(ModelKind.Zero, size, planes > 0 ? planes : 18, trunk).Validate();
        }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }
}
