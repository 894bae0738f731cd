using System.Globalization;
using Sente.Go;
using Sente.Gtp.Players;
using Sente.Lee.Stages;
using Sente.Nn.Models;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>`policy:model=PATH[,temperature=1]` (alias `policy:PATH[,temperature=T]`): an AlphaGo policy network
/// alone, no search. T = 1 samples the network's distribution (the paper's evaluation of its policy networks);
/// T = 0 plays the most probable move.</summary>
public sealed class PolicyPlayerKind : PlayerKind
{
    public override string Name => "policy";
    public override string Usage => "policy:model=PATH[,temperature=1]";
    public override string Description =>
        "an AlphaGo policy network alone, no search (T=1 samples, the default; T=0 greedy); alias policy:PATH";
    public override IReadOnlyList<string> Keys => ["model", "temperature"];
    public override string? PositionalKey => "model";

    public override void Validate(PlayerSettings settings) => Read(settings);

    public override IMoveGenerator CreateMoveGenerator(PlayerSettings settings, ulong seed)
    {
        LoadedPolicy p = Load(settings, null);
        return new PolicyMoveGenerator(new PolicyNetPlayer(p.Net, p.Temperature, seed, p.Name));
    }

    public override ArenaSide CreateArenaSide(PlayerSettings settings, ArenaSideContext context)
    {
        if (context.Game.Game is not GoGame go) throw new ArgumentException("policy sides play Go only");
        LoadedPolicy p = Load(settings, go.Size);
        return new PlayerSide(p.Name, seed => new PolicyNetPlayer(p.Net, p.Temperature, seed, p.Name));
    }

    /// <summary>Loads the network of a resolved `policy` spec (of <paramref name="boardSize"/> when given).</summary>
    /// <exception cref="ArgumentException">A bad setting.</exception>
    /// <exception cref="CliException">The network cannot be loaded or plays another size.</exception>
    public static LoadedPolicy Load(PlayerSettings settings, int? boardSize)
    {
        var (model, t) = Read(settings);
        AlphaGoPolicyNet net = NetworkLoader.Policy(model, boardSize);
        string name = string.Create(CultureInfo.InvariantCulture, $"policy({ShortName(model)}{(t == 1 ? "" : $",T={t}")})");
        return new LoadedPolicy(net, t, name);
    }

    private static (string Model, double Temperature) Read(PlayerSettings settings) =>
        (settings.Required("model"), settings.Double("temperature", 1, 0, double.PositiveInfinity));

    /// <summary>The file name with its folder (rl/policy.ckpt, sl-48/policy.ckpt): runs name their networks alike.</summary>
    private static string ShortName(string path)
    {
        string folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");
        return folder.Length > 0 ? $"{folder}/{Path.GetFileName(path)}" : Path.GetFileName(path);
    }
}
