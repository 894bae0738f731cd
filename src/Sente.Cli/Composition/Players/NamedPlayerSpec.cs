namespace Sente.Cli.Composition.Players;

/// <summary>A player spec with the short name a command gives it: one entry of "name=SPEC;name=SPEC" lists
/// (lee tournament --players, bench apv --players).</summary>
public sealed record NamedPlayerSpec(string Name, string Spec)
{
    /// <summary>Parses "name=SPEC;name=SPEC" (names unique and non-empty, specs non-empty; the specs themselves are
    /// checked by the <see cref="PlayerCatalog"/>).</summary>
    /// <param name="text">The list.</param>
    /// <param name="command">The command, for messages ("lee tournament").</param>
    /// <param name="minimum">Fewest players accepted.</param>
    /// <exception cref="CliException">A part is not name=SPEC, a name is given twice, or too few players.</exception>
    public static List<NamedPlayerSpec> ParseList(string text, string command, int minimum)
    {
        var list = new List<NamedPlayerSpec>();
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1) throw new CliException($"{command}: expected name=spec, got '{part}'");
            string name = part[..eq].Trim(), spec = part[(eq + 1)..].Trim();
            if (list.Any(p => p.Name == name)) throw new CliException($"{command}: player name '{name}' given twice");
            list.Add(new NamedPlayerSpec(name, spec));
        }
        if (list.Count < minimum)
        {
            string players = minimum == 2 ? "two players" : minimum == 1 ? "one player" : $"{minimum} players";
            throw new CliException($"{command}: --players needs at least {players} (name=spec;name=spec)");
        }
        return list;
    }
}
