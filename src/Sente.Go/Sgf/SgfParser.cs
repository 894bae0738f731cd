using System.Text;

namespace Sente.Go;

/// <summary>
/// SGF FF[4] syntax: Collection = GameTree+, GameTree = "(" Node+ GameTree* ")", Node = ";" Property*,
/// Property = Letters Value+, Value = "[" text with "\" escapes "]". Whitespace between tokens is ignored; a UTF-8 byte
/// order mark at the start is skipped. Iterative (no recursion), so deep or long files cannot overflow the stack.
/// Every error is an <see cref="SgfException"/> with line, column and what was expected.
/// </summary>
internal sealed class SgfParser
{
    private readonly string _t;
    private int _i, _line = 1, _col = 1;
    private readonly StringBuilder _value = new();

    private SgfParser(string text) => _t = text;

    public static List<SgfNode> ParseCollection(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new SgfParser(text);
        if (p._i < text.Length && text[p._i] == '\uFEFF') p._i++;
        var roots = new List<SgfNode>();
        p.SkipWhitespace();
        if (p.AtEnd) p.Fail("expected '(' to start a game tree, found the end of the text (no game)");
        while (!p.AtEnd)
        {
            if (p.Peek != '(') p.Fail($"expected '(' to start a game tree, found {Describe(p.Peek)}");
            roots.Add(p.ParseGameTree());
            p.SkipWhitespace();
        }
        return roots;
    }

    private sealed class Frame(SgfNode? attach, int line, int column)
    {
        public SgfNode? Last = attach;
        public readonly int Line = line, Column = column;
        public bool HasNode, InVariations;
    }

    private SgfNode ParseGameTree()
    {
        SgfNode? root = null;
        var stack = new Stack<Frame>();
        stack.Push(new Frame(null, _line, _col));
        Advance(); // '('
        while (true)
        {
            SkipWhitespace();
            Frame f = stack.Peek();
            if (AtEnd) Fail($"unexpected end of the text: expected ')' to close the game tree opened at line {f.Line}, column {f.Column}");
            char c = Peek;
            if (c == ';')
            {
                if (f.InVariations) Fail("expected '(' or ')' after a variation, found ';' (nodes cannot follow variations)");
                SgfNode node = ParseNode();
                if (f.Last is null) root = node; else f.Last.Children.Add(node);
                f.Last = node;
                f.HasNode = true;
            }
            else if (c == '(')
            {
                if (!f.HasNode) Fail("expected ';' to start a node: a game tree needs at least one node before a variation");
                f.InVariations = true;
                stack.Push(new Frame(f.Last, _line, _col));
                Advance();
            }
            else if (c == ')')
            {
                if (!f.HasNode) Fail("expected ';': empty game tree");
                Advance();
                stack.Pop();
                if (stack.Count == 0) return root!;
            }
            else Fail($"expected ';', '(' or ')', found {Describe(c)}");
        }
    }

    private SgfNode ParseNode()
    {
        var node = new SgfNode { Line = _line, Column = _col };
        Advance(); // ';'
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || !char.IsAsciiLetter(Peek)) return node;
            int line = _line, col = _col, start = _i;
            while (!AtEnd && char.IsAsciiLetter(Peek)) Advance();
            string name = _t[start.._i];
            SkipWhitespace();
            if (AtEnd || Peek != '[')
                Fail($"expected '[' to start a value of property {name}, found {(AtEnd ? "the end of the text" : Describe(Peek))}");
            var values = new List<string>(1);
            while (!AtEnd && Peek == '[')
            {
                values.Add(ParseValue(name));
                SkipWhitespace();
            }
            node.Properties.Add(new SgfProperty(name, values, line, col));
        }
    }

    private string ParseValue(string name)
    {
        int line = _line, col = _col;
        Advance(); // '['
        _value.Clear();
        while (true)
        {
            if (AtEnd) Fail($"unexpected end of the text: expected ']' to close the value of {name} opened at line {line}, column {col}");
            char c = Peek;
            if (c == ']') { Advance(); return _value.ToString(); }
            _value.Append(c);
            Advance();
            if (c == '\\')
            {
                if (AtEnd) Fail($"unexpected end of the text after '\\' in the value of {name} opened at line {line}, column {col}");
                _value.Append(Peek);
                Advance();
            }
        }
    }

    private bool AtEnd => _i >= _t.Length;
    private char Peek => _t[_i];

    private void Advance()
    {
        if (_t[_i] == '\n') { _line++; _col = 1; } else _col++;
        _i++;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek)) Advance();
    }

    private void Fail(string problem) => throw new SgfException(_line, _col, problem);

    private static string Describe(char c) => char.IsControl(c) ? $"character U+{(int)c:X4}" : $"'{c}'";
}
