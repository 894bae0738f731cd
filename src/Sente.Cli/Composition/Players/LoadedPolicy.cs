using Sente.Nn.Models;

namespace Sente.Cli.Composition.Players;

/// <summary>A loaded `policy` player: the network (owned by the caller), its temperature and its short name.</summary>
public sealed record LoadedPolicy(AlphaGoPolicyNet Net, double Temperature, string Name);
