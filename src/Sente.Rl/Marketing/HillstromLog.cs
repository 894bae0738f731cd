using System.Globalization;
using System.IO.Compression;

namespace Sente.Rl.Marketing;

/// <summary>
/// Reads the Hillstrom MineThatData e-mail test (data/hillstrom/hillstrom.csv.gz: 64,000 rows with the header
/// recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,conversion,spend) into typed rows,
/// and splits it reproducibly. Malformed input raises <see cref="FormatException"/> naming the file, line and column.
/// Stateless and thread-safe.
/// </summary>
public static class HillstromLog
{
    /// <summary>The header the loader expects (column names, in order).</summary>
    public static readonly string[] Columns =
        ["recency", "history_segment", "history", "mens", "womens", "zip_code", "newbie", "channel", "segment", "visit",
         "conversion", "spend"];

    /// <summary>Loads a log from a file, gzip-compressed if its name ends with ".gz".</summary>
    public static IReadOnlyList<HillstromRow> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Hillstrom log not found: {path}", path);
        using Stream file = File.OpenRead(path);
        using Stream data = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(data);
        try
        {
            return Parse(reader, path);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"{path}: not a readable gzip file ({e.Message})", e);
        }
    }

    /// <summary>Parses CSV text (header first). <paramref name="source"/> names the input in error messages.</summary>
    public static IReadOnlyList<HillstromRow> Parse(TextReader reader, string source = "input")
    {
        string? header = reader.ReadLine();
        if (header is null) throw new FormatException($"{source}: empty file, expected the header {string.Join(',', Columns)}");
        if (header.Trim().TrimStart('\uFEFF') != string.Join(',', Columns))
            throw new FormatException($"{source}, line 1: header '{header}' is not {string.Join(',', Columns)}");
        var rows = new List<HillstromRow>(64_000);
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            rows.Add(ParseLine(line, source, lineNumber));
        }
        return rows;
    }

    /// <summary>Splits rows into a training part and a held-out part: each row goes to the held-out part with
    /// probability <paramref name="holdoutFraction"/>, by a permutation seeded with <paramref name="seed"/> (exactly
    /// round(n * fraction) held-out rows). Order within each part follows the input.</summary>
    public static (IReadOnlyList<HillstromRow> Train, IReadOnlyList<HillstromRow> Holdout) Split(
        IReadOnlyList<HillstromRow> rows, double holdoutFraction, ulong seed)
    {
        if (!(holdoutFraction > 0 && holdoutFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(holdoutFraction), holdoutFraction, "must be in (0, 1)");
        int n = rows.Count, held = (int)Math.Round(n * holdoutFraction);
        int[] order = Enumerable.Range(0, n).ToArray();
        var rng = new Sente.Core.Rng(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var isHeld = new bool[n];
        for (int i = 0; i < held; i++) isHeld[order[i]] = true;
        var train = new List<HillstromRow>(n - held);
        var holdout = new List<HillstromRow>(held);
        for (int i = 0; i < n; i++) (isHeld[i] ? holdout : train).Add(rows[i]);
        return (train, holdout);
    }

    /// <summary>Splits one CSV line; fields may be quoted ("6) $750 - $1,000"), with "" for a quote inside.</summary>
    private static string[] SplitCsv(string line, string source, int lineNumber)
    {
        var fields = new List<string>(Columns.Length);
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        if (quoted) throw new FormatException($"{source}, line {lineNumber}: unterminated quote: '{line}'");
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    private static HillstromRow ParseLine(string line, string source, int lineNumber)
    {
        string[] f = SplitCsv(line, source, lineNumber);
        if (f.Length != Columns.Length)
            throw new FormatException($"{source}, line {lineNumber}: {f.Length} fields, expected {Columns.Length}: '{line}'");
        string Field(int i) => f[i].Trim();
        FormatException Bad(int i, string expected) =>
            new($"{source}, line {lineNumber}, column {Columns[i]}: '{Field(i)}' is not {expected}");
        int Int(int i, int min, int max) =>
            int.TryParse(Field(i), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max
                ? v : throw Bad(i, $"an integer in {min}..{max}");
        bool Flag(int i) => Field(i) switch { "0" => false, "1" => true, _ => throw Bad(i, "0 or 1") };
        double Dollars(int i) =>
            double.TryParse(Field(i), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0 && double.IsFinite(v)
                ? v : throw Bad(i, "a non-negative amount");
        EmailArm arm = Field(8) switch
        {
            "No E-Mail" => EmailArm.None,
            "Mens E-Mail" => EmailArm.Mens,
            "Womens E-Mail" => EmailArm.Womens,
            _ => throw Bad(8, "No E-Mail, Mens E-Mail or Womens E-Mail"),
        };
        double history = Dollars(2);
        if (history <= 0) throw Bad(2, "a positive amount");
        var customer = new Customer(Int(0, 1, 12), history, Flag(3), Flag(4), Flag(6));
        bool conversion = Flag(10);
        double spend = Dollars(11);
        if (spend > 0 && !conversion)
            throw new FormatException($"{source}, line {lineNumber}: spend {Field(11)} without a conversion");
        return new HillstromRow(customer, Field(5), Field(7), arm, Flag(9), conversion, spend);
    }
}
