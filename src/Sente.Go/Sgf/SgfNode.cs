using System.Text;

namespace Sente.Go;

/// <summary>
/// One SGF property: a name and one or more values. Values are kept RAW (exactly the text between the brackets,
/// escapes included), which makes reading then writing lossless; <see cref="Text"/> decodes a value.
/// </summary>
public sealed class SgfProperty
{
    /// <summary>A property with raw values (as they appear between brackets).</summary>
    public SgfProperty(string name, IEnumerable<string> rawValues, int line = 0, int column = 0)
    {
        Name = name;
        RawValues = rawValues.ToList();
        Line = line;
        Column = column;
    }

    /// <summary>A property from decoded text values (escaped as needed).</summary>
    public static SgfProperty FromText(string name, params string[] values) => new(name, values.Select(Escape));

    /// <summary>The property identifier, e.g. "B", "AB", "KM".</summary>
    public string Name { get; }

    /// <summary>Raw values, escapes included (never empty for a parsed property; "" is an empty value B[]).</summary>
    public List<string> RawValues { get; }

    /// <summary>Where the property started in the parsed text (1-based; 0 when built in code).</summary>
    public int Line { get; }

    /// <inheritdoc cref="Line"/>
    public int Column { get; }

    /// <summary>The decoded text of value <paramref name="index"/>: escapes resolved, soft line breaks removed.</summary>
    public string Text(int index = 0) => Unescape(RawValues[index]);

    /// <summary>Resolves SGF escapes: "\x" is x; a backslash before a line break removes both (soft break).</summary>
    public static string Unescape(string raw)
    {
        if (raw.IndexOf('\\') < 0) return raw;
        var sb = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length) { sb.Append(c); continue; }
            char d = raw[++i];
            if (d is '\n' or '\r')
            {
                if (i + 1 < raw.Length && raw[i + 1] is '\n' or '\r' && raw[i + 1] != d) i++; // \r\n or \n\r
                continue;
            }
            sb.Append(d);
        }
        return sb.ToString();
    }

    /// <summary>Escapes '\' and ']' so that <paramref name="text"/> can stand between brackets.</summary>
    public static string Escape(string text) =>
        text.IndexOfAny(['\\', ']']) < 0 ? text : text.Replace("\\", "\\\\").Replace("]", "\\]");

    /// <summary>Structural equality (name and raw values; positions ignored).</summary>
    public bool SameAs(SgfProperty other) => Name == other.Name && RawValues.SequenceEqual(other.RawValues);

    /// <inheritdoc />
    public override string ToString() => Name + string.Concat(RawValues.Select(v => "[" + v + "]"));
}

/// <summary>
/// An SGF node: ordered properties and child nodes. A game tree is its root node; a sequence is a chain of
/// single children; the first child is the main line and further children are variations.
/// </summary>
public sealed class SgfNode
{
    /// <summary>Properties in file order.</summary>
    public List<SgfProperty> Properties { get; } = [];

    /// <summary>Children: [0] continues the main line, the others are variations.</summary>
    public List<SgfNode> Children { get; } = [];

    /// <summary>Where the node's ';' was (1-based; 0 when built in code).</summary>
    public int Line { get; init; }

    /// <inheritdoc cref="Line"/>
    public int Column { get; init; }

    /// <summary>The first property named <paramref name="name"/>, or null.</summary>
    public SgfProperty? Find(string name) => Properties.Find(p => p.Name == name);

    /// <summary>Structural equality of the whole subtree (names, raw values, children; positions ignored).</summary>
    public bool SameAs(SgfNode other)
    {
        // Iterative: a long game is a deep chain of nodes.
        var stack = new Stack<(SgfNode A, SgfNode B)>();
        stack.Push((this, other));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            if (a.Properties.Count != b.Properties.Count || a.Children.Count != b.Children.Count) return false;
            for (int i = 0; i < a.Properties.Count; i++)
                if (!a.Properties[i].SameAs(b.Properties[i])) return false;
            for (int i = 0; i < a.Children.Count; i++) stack.Push((a.Children[i], b.Children[i]));
        }
        return true;
    }
}
