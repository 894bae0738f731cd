using System.Globalization;

namespace Sente.Cli.Composition.Players;

/// <summary>
/// The settings of one resolved player spec (aliases applied, keys checked against the kind), read with their
/// defaults and validation. Every error is an <see cref="ArgumentException"/> that names the player and the key, e.g.
/// "player 'mcts': visits=abc: expected a positive integer". Immutable; thread-safe.
/// </summary>
public sealed class PlayerSettings
{
    private readonly Dictionary<string, string> _values;

    /// <summary>The settings of player <paramref name="kind"/>.</summary>
    public PlayerSettings(string kind, IEnumerable<KeyValuePair<string, string>> values)
    {
        Kind = kind;
        _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The kind (canonical name) the settings belong to.</summary>
    public string Kind { get; }

    /// <summary>True when <paramref name="key"/> was given.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The raw value of <paramref name="key"/>, or null.</summary>
    public string? Text(string key) => _values.GetValueOrDefault(key);

    /// <summary>The non-empty value of <paramref name="key"/>; <paramref name="what"/> names it in the error (PATH).</summary>
    public string Required(string key, string what = "PATH", string? why = null) =>
        _values.TryGetValue(key, out string? v) && v.Length > 0
            ? v
            : throw new ArgumentException($"player '{Kind}' needs {key}={what}{(why is null ? "" : $" ({why})")}");

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public int Int(string key, int fallback, int min = 1, int max = int.MaxValue)
    {
        if (!_values.TryGetValue(key, out string? text)) return fallback;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v >= min && v <= max) return (int)v;
        throw Bad(key, text, min == 1 && max == int.MaxValue ? "a positive integer"
            : string.Create(CultureInfo.InvariantCulture, $"an integer in [{min}, {max}]"));
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public double Double(string key, double fallback, double min, double max)
    {
        if (!_values.TryGetValue(key, out string? text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= min && v <= max)
            return v;
        throw Bad(key, text, double.IsPositiveInfinity(max)
            ? string.Create(CultureInfo.InvariantCulture, $"a number >= {min}")
            : string.Create(CultureInfo.InvariantCulture, $"a number in [{min}, {max}]"));
    }

    /// <summary>0 or 1 as false or true, or <paramref name="fallback"/>.</summary>
    public bool Flag(string key, bool fallback = false) => Has(key) ? Int(key, 0, 0, 1) == 1 : fallback;

    /// <summary>One of <paramref name="choices"/> (ignoring case), or <paramref name="fallback"/>.</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (!_values.TryGetValue(key, out string? text)) return fallback;
        if (choices.TryGetValue(text.ToLowerInvariant(), out T? v)) return v;
        string names = string.Join(", ", choices.Keys.SkipLast(1)) + " or " + choices.Keys.Last();
        throw Bad(key, text, names);
    }

    private ArgumentException Bad(string key, string text, string expected) =>
        new($"player '{Kind}': {key}={text}: expected {expected}");
}
