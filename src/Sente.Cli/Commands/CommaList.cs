using System.Globalization;

namespace Sente.Cli.Commands;

/// <summary>Comma-separated number lists of options (--lr-drop 6000,9000; --threads 1,2; --batches 1,8,32).</summary>
public static class CommaList
{
    /// <summary>Positive whole numbers (empty or null: none), e.g. --lr-drop's step numbers.</summary>
    /// <exception cref="ArgumentException">A part is not a positive whole number; the message names the option.</exception>
    public static long[] PositiveLongs(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var values = new List<long>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            values.Add(long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v > 0
                ? v : throw new ArgumentException($"{option}: '{part}' is not a positive whole number"));
        return [.. values];
    }

    /// <summary>At least one integer, each in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="CliException">Empty, or a part out of range or not an integer; the message names the option.</exception>
    public static int[] Ints(string text, string option, int min, int max, string command = "")
    {
        string prefix = command.Length == 0 ? "" : command + ": ";
        string[] parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new CliException($"{prefix}{option} is empty");
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])
                || values[i] < min || values[i] > max)
                throw new CliException($"{prefix}{option} expects comma-separated integers in {min}..{max}, got '{text}'");
        return values;
    }
}
