namespace Sente.Gtp.Players;

/// <summary>
/// Internal players by name, for `match` and `gtp --player`: "random" -> a factory. A player spec is
/// "name" or "name:arguments" (e.g. "mcts:visits=800"); the factory gets the arguments (empty when none) and a
/// seed. The CLI builds one registry at start (the composition root) and later layers add their players there.
/// </summary>
public sealed class MoveGeneratorRegistry
{
    /// <summary>Creates a generator from the text after "name:" (may be empty) and a seed.</summary>
    public delegate IMoveGenerator Factory(string arguments, ulong seed);

    private readonly Dictionary<string, (Factory Create, string Description)> _players = new(StringComparer.OrdinalIgnoreCase);

    public MoveGeneratorRegistry Add(string name, string description, Factory factory)
    {
        if (name.Contains(':')) throw new ArgumentException("a player name has no ':'", nameof(name));
        _players[name] = (factory, description);
        return this;
    }

    /// <summary>Names and descriptions, sorted by name.</summary>
    public IEnumerable<(string Name, string Description)> Players =>
        _players.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Description));

    /// <summary>Creates the player named by <paramref name="spec"/> ("random", "mcts:visits=800").</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones) or bad arguments.</exception>
    public IMoveGenerator Create(string spec, ulong seed)
    {
        int colon = spec.IndexOf(':');
        string name = colon < 0 ? spec : spec[..colon];
        string args = colon < 0 ? "" : spec[(colon + 1)..];
        if (!_players.TryGetValue(name, out var entry))
            throw new ArgumentException($"unknown player '{name}' (known: {string.Join(", ", _players.Keys.Order())})");
        return entry.Create(args, seed);
    }
}
