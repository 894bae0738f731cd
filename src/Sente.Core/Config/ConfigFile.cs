using System.Numerics;
using System.Globalization;

namespace Sente.Core.Config;

/// <summary>
/// A commented key = value configuration (KataGo's .cfg habit): one setting per line, `#` starts a comment,
/// keys are lower-case words with dots, underscores or dashes. Command-line overrides (`key=value`) replace file
/// values. Typed getters validate bounds and name the file and line of a bad value; <see cref="UnusedKeys"/>
/// lists keys nobody read, so a typo is reported instead of silently ignored.
/// Not thread-safe (it records which keys were read).
/// </summary>
public sealed class ConfigFile
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private sealed record Entry(string Value, string Origin);

    /// <summary>An empty configuration (every getter returns its default).</summary>
    public ConfigFile() { }

    /// <summary>Parses configuration text. <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ConfigException">A line is not `key = value`, or a key appears twice.</exception>
    public static ConfigFile Parse(string text, string source = "config")
    {
        var config = new ConfigFile();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            string origin = $"{source}:{i + 1}";
            int eq = line.IndexOf('=');
            if (eq <= 0) throw new ConfigException($"{origin}: expected 'key = value', got '{line}'");
            string key = line[..eq].Trim();
            string value = line[(eq + 1)..].Trim();
            ValidateKey(key, origin);
            if (config._entries.ContainsKey(key))
                throw new ConfigException($"{origin}: '{key}' is set twice (first at {config._entries[key].Origin})");
            config._entries[key] = new Entry(Unquote(value), origin);
        }
        return config;
    }

    /// <summary>Reads and parses a file.</summary>
    public static ConfigFile Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"config file '{path}' not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Applies overrides of the form `key=value` (from the command line); they win over the file.</summary>
    public ConfigFile WithOverrides(IEnumerable<string> overrides)
    {
        foreach (string o in overrides)
        {
            int eq = o.IndexOf('=');
            if (eq <= 0) throw new ConfigException($"override '{o}': expected key=value");
            string key = o[..eq].Trim();
            ValidateKey(key, $"override '{o}'");
            _entries[key] = new Entry(Unquote(o[(eq + 1)..].Trim()), $"override '{o}'");
        }
        return this;
    }

    /// <summary>True when the key is set (in the file or by an override). Marks it used.</summary>
    public bool Contains(string key)
    {
        _used.Add(key);
        return _entries.ContainsKey(key);
    }

    /// <summary>The keys that were set but never read: usually typos.</summary>
    public IReadOnlyList<string> UnusedKeys() =>
        _entries.Keys.Where(k => !_used.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Throws a <see cref="ConfigException"/> naming every unused key and where it was set.</summary>
    public void ThrowOnUnusedKeys()
    {
        var unused = UnusedKeys();
        if (unused.Count > 0)
            throw new ConfigException("unknown setting(s): " +
                string.Join(", ", unused.Select(k => $"'{k}' ({_entries[k].Origin})")));
    }

    public string GetString(string key, string defaultValue)
    {
        _used.Add(key);
        return _entries.TryGetValue(key, out var e) ? e.Value : defaultValue;
    }

    public string GetChoice(string key, string defaultValue, params string[] choices)
    {
        string v = GetString(key, defaultValue);
        if (!choices.Contains(v, StringComparer.Ordinal))
            throw Bad(key, $"must be one of {string.Join(", ", choices)}");
        return v;
    }

    public int GetInt(string key, int defaultValue, int min = int.MinValue, int max = int.MaxValue) =>
        GetNumber(key, defaultValue, min, max, NumberStyles.Integer, "must be an integer");

    public long GetLong(string key, long defaultValue, long min = long.MinValue, long max = long.MaxValue) =>
        GetNumber(key, defaultValue, min, max, NumberStyles.Integer, "must be an integer");

    public double GetDouble(string key, double defaultValue, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        GetNumber(key, defaultValue, min, max, NumberStyles.Float, "must be a number");

    /// <summary>The number at <paramref name="key"/> (invariant culture; NaN refused), <paramref name="defaultValue"/>
    /// when absent; a <see cref="ConfigException"/> saying <paramref name="notANumber"/> or the range otherwise.</summary>
    private T GetNumber<T>(string key, T defaultValue, T min, T max, NumberStyles styles, string notANumber)
        where T : INumber<T>
    {
        _used.Add(key);
        if (!_entries.TryGetValue(key, out var e)) return defaultValue;
        if (!T.TryParse(e.Value, styles, CultureInfo.InvariantCulture, out T? v) || T.IsNaN(v))
            throw Bad(key, notANumber);
        if (v < min || v > max) throw Bad(key, $"must be in [{min}, {max}]");
        return v;
    }

    public bool GetBool(string key, bool defaultValue)
    {
        _used.Add(key);
        if (!_entries.TryGetValue(key, out var e)) return defaultValue;
        return e.Value.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "on" => true,
            "false" or "no" or "0" or "off" => false,
            _ => throw Bad(key, "must be true or false"),
        };
    }

    /// <summary>A comma-separated list of numbers, e.g. a learning-rate schedule.</summary>
    public double[] GetDoubles(string key, double[] defaultValue)
    {
        _used.Add(key);
        if (!_entries.TryGetValue(key, out var e)) return defaultValue;
        var parts = e.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]))
                throw Bad(key, $"'{parts[i]}' is not a number");
        return result;
    }

    /// <summary>Every setting as `key = value` lines, sorted (for writing the effective config of a run).</summary>
    public string ToText() =>
        string.Join("\n", _entries.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}")) + "\n";

    private ConfigException Bad(string key, string what) =>
        new($"{_entries[key].Origin}: '{key} = {_entries[key].Value}': {what}");

    private static void ValidateKey(string key, string origin)
    {
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new ConfigException($"{origin}: '{key}' is not a valid key (letters, digits, '.', '_', '-')");
    }

    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == '#' && !quoted) return line[..i];
        }
        return line;
    }

    private static string Unquote(string v) => v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1] : v;
}

/// <summary>A configuration error; the message names the file and line, the key and what is wrong.</summary>
public sealed class ConfigException(string message) : Exception(message);
