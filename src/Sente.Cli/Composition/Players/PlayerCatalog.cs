using Sente.Gtp.Players;
using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>
/// Every player kind Sente knows, and the one parser of player specs for every command: gtp --player, match
/// --black/--white sente:SPEC, arena --a/--b, lee tournament --players name=SPEC;..., bench apv --players. A spec
/// is parsed once (<see cref="PlayerSpec.Parse"/>), resolved here (aliases, the unnamed first value, unknown keys)
/// and built by its <see cref="PlayerKind"/> into a GTP move generator, an arena side or an external command line.
/// Aliases kept from older forms: <c>net:PATH</c> = <c>mcts:model=PATH</c>, <c>policy:PATH</c> =
/// <c>policy:model=PATH</c>. The grammar and the keys are documented once, in docs/GTP.md ("Player specs").
/// Immutable; thread-safe.
/// </summary>
public sealed class PlayerCatalog
{
    private readonly Dictionary<string, PlayerKind> _kinds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A catalog of <paramref name="kinds"/> with kind aliases (alias -> canonical name).</summary>
    public PlayerCatalog(IEnumerable<PlayerKind> kinds, IReadOnlyDictionary<string, string> aliases)
    {
        foreach (PlayerKind k in kinds) _kinds.Add(k.Name, k);
        foreach (var (alias, name) in aliases)
            _aliases.Add(alias, _kinds.ContainsKey(name) ? name : throw new ArgumentException($"alias '{alias}' of unknown kind '{name}'"));
    }

    /// <summary>Sente's players.</summary>
    public static PlayerCatalog Default { get; } = new(
        [new RandomPlayerKind(), new MctsPlayerKind(), new PolicyPlayerKind(), new ApvPlayerKind(), new UctPlayerKind(),
         ArenaOnlyPlayerKind.OnePly, ArenaOnlyPlayerKind.Minimax, new GnuGoPlayerKind()],
        new Dictionary<string, string> { ["net"] = "mcts" });

    /// <summary>The kinds, in catalog order.</summary>
    public IEnumerable<PlayerKind> Kinds => _kinds.Values;

    /// <summary>True when <paramref name="kind"/> names a kind or an alias.</summary>
    public bool Knows(string kind) => _kinds.ContainsKey(kind) || _aliases.ContainsKey(kind);

    /// <summary>Parses and resolves <paramref name="text"/>: the kind (aliases applied) and its checked settings.</summary>
    /// <exception cref="ArgumentException">Bad grammar, unknown kind or key, a key twice, a bad value.</exception>
    public (PlayerKind Kind, PlayerSettings Settings) Resolve(string text) => Resolve(PlayerSpec.Parse(text));

    /// <inheritdoc cref="Resolve(string)"/>
    public (PlayerKind Kind, PlayerSettings Settings) Resolve(PlayerSpec spec)
    {
        string name = _aliases.GetValueOrDefault(spec.Kind, spec.Kind);
        if (!_kinds.TryGetValue(name, out PlayerKind? kind))
        {
            string known = string.Join(", ", _kinds.Keys.Concat(_aliases.Keys).Order(StringComparer.Ordinal));
            throw new ArgumentException($"unknown player '{spec.Kind}' (known: {known})");
        }
        var values = new List<KeyValuePair<string, string>>();
        if (spec.Positional is { } first)
        {
            if (kind.PositionalKey is not { } key)
                throw new ArgumentException(kind.Keys.Count == 0
                    ? $"player '{kind.Name}' takes no arguments (got '{first}')"
                    : $"player '{kind.Name}': expected key=value, got '{first}'");
            if (spec.Settings.Any(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"player '{kind.Name}': '{key}' given twice");
            values.Add(new(key, first));
        }
        foreach (var (key, value) in spec.Settings)
        {
            if (!kind.Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException(kind.Keys.Count == 0
                    ? $"player '{kind.Name}' takes no arguments (got '{key}={value}')"
                    : $"player '{kind.Name}': unknown setting '{key}' (known: {string.Join(", ", kind.Keys)})");
            values.Add(new(key, value));
        }
        var settings = new PlayerSettings(kind.Name, values);
        kind.Validate(settings);
        return (kind, settings);
    }

    /// <summary>The GTP move generator of <paramref name="text"/> (gtp --player, match sente:SPEC).</summary>
    /// <exception cref="ArgumentException">A bad spec, or a kind that does not play GTP.</exception>
    public IMoveGenerator CreateMoveGenerator(string text, ulong seed)
    {
        var (kind, settings) = Resolve(text);
        return kind.CreateMoveGenerator(settings, seed);
    }

    /// <summary>The arena side of <paramref name="text"/> (arena --a/--b).</summary>
    /// <exception cref="ArgumentException">A bad spec, or a kind that does not play this game in the arena.</exception>
    public ArenaSide CreateArenaSide(string text, ArenaSideContext context)
    {
        var (kind, settings) = Resolve(text);
        return kind.CreateArenaSide(settings, context);
    }

    /// <summary>A match player for <paramref name="text"/>: an external engine's command line (gnugo:LEVEL), else the
    /// internal player "sente:SPEC" (a leading "sente:" is kept).</summary>
    /// <exception cref="ArgumentException">A bad spec.</exception>
    public string MatchPlayer(string text)
    {
        string spec = PlayerFactory.IsInternal(text) ? text[PlayerFactory.InternalPrefix.Length..] : text;
        var (kind, settings) = Resolve(spec);
        return kind.ExternalCommand(settings) ?? PlayerFactory.InternalPrefix + spec;
    }

    /// <summary>The registry of internal GTP players for <see cref="PlayerFactory"/> (match, lee tournament): every
    /// kind and alias that plays GTP, each built through this catalog.</summary>
    public MoveGeneratorRegistry CreateRegistry()
    {
        var registry = new MoveGeneratorRegistry();
        foreach (PlayerKind kind in _kinds.Values.Where(k => k.PlaysGtp))
            registry.Add(kind.Name, $"{kind.Description}: {kind.Usage}", (args, seed) => CreateMoveGenerator(Join(kind.Name, args), seed));
        foreach (var (alias, name) in _aliases.Where(a => _kinds[a.Value].PlaysGtp))
            registry.Add(alias, $"alias of {name}", (args, seed) => CreateMoveGenerator(Join(alias, args), seed));
        return registry;
    }

    /// <summary>One line per kind: "usage: description", for help texts.</summary>
    public string Help(Func<PlayerKind, bool>? where = null) =>
        string.Join("; ", _kinds.Values.Where(where ?? (_ => true)).Select(k => $"{k.Usage} ({k.Description})"));

    private static string Join(string name, string args) => args.Length == 0 ? name : $"{name}:{args}";
}
