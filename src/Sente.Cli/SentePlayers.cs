using System.Globalization;
using Sente.Cli.Composition;
using Sente.Gtp.Players;
using Sente.Search;

namespace Sente.Cli;

/// <summary>The internal players `sente gtp --player` and `sente match` ("sente:NAME") know. Later layers add
/// theirs here, one line each.</summary>
public static class SentePlayers
{
    public static MoveGeneratorRegistry CreateRegistry() => new MoveGeneratorRegistry()
        .Add("random", "uniformly random legal move that does not fill an own one-point eye; passes when none is left",
             (args, seed) => args.Length == 0
                 ? new RandomMoveGenerator(seed)
                 : throw new ArgumentException($"player 'random' takes no arguments (got '{args}')"))
        .Add("mcts", "MCTS with a trained network: mcts:model=PATH,visits=N[,resign=-0.95]",
             (args, seed) => Mcts(Parse(args, "mcts", "model", "visits", "resign"), seed))
        .Add("policy", "an AlphaGo policy network alone, no search: policy:model=PATH[,temperature=T] (T=1 samples, the default; T=0 greedy)",
             (args, seed) =>
             {
                 var a = Parse(args, "policy", "model", "temperature");
                 if (!a.TryGetValue("model", out string? model)) throw new ArgumentException("player 'policy' needs model=PATH");
                 double t = 1;
                 if (a.TryGetValue("temperature", out string? ts) &&
                     (!double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out t) || t < 0 || !double.IsFinite(t)))
                     throw new ArgumentException($"temperature={ts}: expected a number >= 0");
                 return PolicyNetworks.Player(model, t, seed);
             })
        .Add("apv", ApvSpec.Help, (args, seed) => ApvSpec.Parse(args).CreateMoveGenerator(seed))
        .Add("uct", "classic UCT: MCTS with random-rollout values and uniform priors: uct:playouts=N",
             (args, seed) =>
             {
                 var a = Parse(args, "uct", "playouts");
                 int playouts = Int(a, "playouts", 1000);
                 return new MctsMoveGenerator($"uct({playouts})", new RandomRolloutEvaluator(seed),
                     new SearchLimits(Playouts: playouts), new MctsOptions { Fpu = FpuMode.Constant, FpuValue = 0, Seed = seed }, null);
             });

    /// <summary>The network player of `sente gtp --model` and `sente:mcts:model=...`.</summary>
    public static IMoveGenerator Mcts(IReadOnlyDictionary<string, string> a, ulong seed)
    {
        if (!a.TryGetValue("model", out string? model)) throw new ArgumentException("player 'mcts' needs model=PATH");
        int visits = Int(a, "visits", 200);
        double resign = a.TryGetValue("resign", out string? r) ? double.Parse(r, CultureInfo.InvariantCulture) : -0.95;
        var (evaluator, config) = Networks.LoadGo(model, seed: seed);
        return new MctsMoveGenerator($"mcts({Path.GetFileName(model)},{visits})", evaluator, new SearchLimits(Visits: visits),
            new MctsOptions { Seed = seed }, resign <= -1 ? null : resign, new GoPassFilter(), config.BoardSize);
    }

    private static int Int(IReadOnlyDictionary<string, string> a, string key, int fallback)
    {
        if (!a.TryGetValue(key, out string? v)) return fallback;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1)
            throw new ArgumentException($"{key}={v}: expected a positive integer");
        return n;
    }

    /// <summary>Parses "key=value,key=value" arguments, allowing only <paramref name="keys"/>.</summary>
    private static Dictionary<string, string> Parse(string args, string player, params string[] keys)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in args.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"player '{player}': expected key=value, got '{part}'");
            string key = part[..eq];
            if (!keys.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"player '{player}': unknown setting '{key}' (known: {string.Join(", ", keys)})");
            result[key] = part[(eq + 1)..];
        }
        return result;
    }
}
