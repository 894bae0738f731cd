using System.Globalization;

namespace Sente.Go;

// Conversion between a record and an SGF tree (main line only).
public sealed partial class GameRecord
{
    private static readonly HashSet<string> Modelled = ["GM", "FF", "SZ", "KM", "HA", "RE", "RU", "AB", "AW", "AE", "PL", "B", "W"];

    /// <summary>The record of a game tree's main line. Syntax is the parser's business; this checks meaning: SZ, KM,
    /// HA, points and colours, and plays the moves under simple ko (and the RU suicide rule) so that a move on an
    /// occupied point, a suicide or a ko recapture is reported at its line and column. Superko is checked by
    /// <see cref="Replay"/> only.</summary>
    /// <exception cref="SgfException">A property's value is malformed or unsupported, or a move is illegal.</exception>
    public static GameRecord FromTree(SgfNode root)
    {
        var r = new GameRecord();
        SgfProperty? gm = root.Find("GM");
        if (gm is not null && gm.Text().Trim() != "1") Throw(gm, $"GM[{gm.Text()}] is not Go (expected GM[1])");
        SgfProperty? sz = root.Find("SZ");
        if (sz is not null) r.Size = ParseSize(sz);
        SgfProperty? km = root.Find("KM");
        if (km is not null) r.Komi = ParseKomi(km);
        SgfProperty? ha = root.Find("HA");
        if (ha is not null) r.Handicap = ParseInt(ha, 0, r.Size * r.Size, "a handicap");
        SgfProperty? re = root.Find("RE");
        if (re is not null) r.Result = re.Text();
        SgfProperty? ru = root.Find("RU");
        if (ru is not null)
        {
            r.RulesText = ru.Text();
            r.Rules = RulesFromSgf(r.RulesText);
        }
        SgfProperty? pl = null;

        foreach (SgfProperty p in root.Properties)
        {
            if (p.Name is "AB" or "AW" or "AE") ReadSetup(r, p);
            else if (p.Name == "PL") pl = p;
            else if (!Modelled.Contains(p.Name)) r.AddRootExtra(p);
            if (p.Name is "GM" or "FF" or "SZ" or "KM" or "HA" or "RE" or "RU" or "PL" && root.Find(p.Name) != p)
                Throw(p, $"{p.Name} appears twice in the root node (expected once)");
        }
        GoState? validator = null;

        // The main line: the root itself may hold the first move; later nodes hold moves, setup before the first
        // move, or other properties (kept with the previous move, or the root before any move).
        bool started = false;
        for (SgfNode? node = root; node is not null; node = node.Children.Count > 0 ? node.Children[0] : null)
        {
            if (node.Children.Count > 1) r.HadVariations = true;
            SgfProperty? b = node.Find("B"), w = node.Find("W");
            if (b is not null && w is not null) Throw(w, "a node holds both B and W (expected one move per node)");
            SgfProperty? move = b ?? w;
            if (node != root)
            {
                foreach (SgfProperty p in node.Properties)
                {
                    if (p == move) continue;
                    if (p.Name is "AB" or "AW" or "AE")
                    {
                        if (started || move is not null) Throw(p, $"setup property {p.Name} after the first move is not supported");
                        ReadSetup(r, p);
                    }
                    else if (p.Name == "PL" && !started && move is null) pl = p;
                    else if (p.Name is "B" or "W") Throw(p, $"a node holds two {p.Name} properties (expected one move per node)");
                    else if (!started && move is null) r.AddRootExtra(p);
                    else if (move is null) r.MoveExtras(r.Moves.Count - 1).Add(p);
                }
            }
            if (move is null) continue;
            if (move.RawValues.Count != 1) Throw(move, $"{move.Name} has {move.RawValues.Count} values (expected one point)");
            if (!SgfPoint.TryParseMove(move.Text().Trim(), r.Size, out int point))
                Throw(move, $"'{move.Text()}' is not a move on a {r.Size}x{r.Size} board (expected two letters a..{(char)('a' + r.Size - 1)} or [] for pass)");
            Stone color = move.Name == "B" ? Stone.Black : Stone.White;
            if (validator is null)
            {
                r.FirstToMove = pl is not null ? ParseColor(pl) : color;
                validator = new GoState(r.Size, r.Komi, new Rules(KoRule.Simple, r.Rules.AllowSuicide, "sgf-check"));
                foreach (int sp in r.SetupBlack) validator.SetupStone(sp, Stone.Black);
                foreach (int sp in r.SetupWhite) validator.SetupStone(sp, Stone.White);
                foreach (int sp in r.SetupEmpty) validator.SetupStone(sp, Stone.Empty);
                validator.SetToMove(r.FirstToMove);
                started = true;
            }
            if (!validator.IsLegal(color, point, out string reason))
                Throw(move, $"move {r.Moves.Count + 1} ({color} {Vertex.ToGtp(point, r.Size)}) is illegal: {reason}");
            validator.Play(color, point);
            r.Moves.Add((color, point));
            if (node != root && node.Properties.Count > 1)
                r.MoveExtras(r.Moves.Count - 1).AddRange(node.Properties.Where(p => p != move));
        }
        if (!started)
            r.FirstToMove = pl is not null ? ParseColor(pl) : r.Handicap >= 2 && r.SetupBlack.Count > 0 ? Stone.White : Stone.Black;
        return r;
    }

    /// <summary>The SGF tree of this record (one sequence, no variations).</summary>
    public SgfNode ToTree()
    {
        var root = new SgfNode();
        var ps = root.Properties;
        ps.Add(SgfProperty.FromText("GM", "1"));
        ps.Add(SgfProperty.FromText("FF", "4"));
        foreach (var (name, value) in Properties)
            if (!Modelled.Contains(name)) ps.Add(SgfProperty.FromText(name, value));
        ps.Add(SgfProperty.FromText("SZ", Size.ToString(CultureInfo.InvariantCulture)));
        ps.Add(SgfProperty.FromText("KM", Komi.ToString("R", CultureInfo.InvariantCulture)));
        if (Handicap > 0) ps.Add(SgfProperty.FromText("HA", Handicap.ToString(CultureInfo.InvariantCulture)));
        if (RulesText is not null && RulesFromSgf(RulesText) == Rules) ps.Add(SgfProperty.FromText("RU", RulesText));
        else if (RulesText is not null || Rules != Rules.TrompTaylor) ps.Add(SgfProperty.FromText("RU", Rules.Name));
        if (Result is not null) ps.Add(SgfProperty.FromText("RE", Result));
        AddPoints(ps, "AB", SetupBlack);
        AddPoints(ps, "AW", SetupWhite);
        AddPoints(ps, "AE", SetupEmpty);
        Stone implied = Moves.Count > 0 ? Moves[0].Color
            : Handicap >= 2 && SetupBlack.Count > 0 ? Stone.White : Stone.Black;
        if (FirstToMove != implied) ps.Add(SgfProperty.FromText("PL", FirstToMove.ToLetter()));
        ps.AddRange(ExtraRootProperties);

        SgfNode last = root;
        for (int i = 0; i < Moves.Count; i++)
        {
            var (color, point) = Moves[i];
            var node = new SgfNode();
            node.Properties.Add(SgfProperty.FromText(color.ToLetter(), SgfPoint.ToSgf(point, Size)));
            if (i < MoveProperties.Count && MoveProperties[i] is { } extra) node.Properties.AddRange(extra);
            last.Children.Add(node);
            last = node;
        }
        return root;
    }

    private void AddRootExtra(SgfProperty p)
    {
        if (p.RawValues.Count == 1 && !Properties.ContainsKey(p.Name) && ExtraRootProperties.All(e => e.Name != p.Name))
            Properties[p.Name] = p.Text();
        else
            ExtraRootProperties.Add(p);
    }

    private List<SgfProperty> MoveExtras(int move)
    {
        while (MoveProperties.Count <= move) MoveProperties.Add(null);
        return MoveProperties[move] ??= [];
    }

    private void AddPoints(List<SgfProperty> ps, string name, List<int> points)
    {
        if (points.Count > 0) ps.Add(new SgfProperty(name, points.Select(p => SgfPoint.ToSgf(p, Size))));
    }

    // AB/AW/AE values: points, or FF[4] compressed rectangles "aa:cc".
    private static void ReadSetup(GameRecord r, SgfProperty p)
    {
        List<int> into = p.Name == "AB" ? r.SetupBlack : p.Name == "AW" ? r.SetupWhite : r.SetupEmpty;
        int n = r.Size;
        foreach (string raw in p.RawValues)
        {
            string v = SgfProperty.Unescape(raw).Trim();
            int colon = v.IndexOf(':');
            if (colon < 0)
            {
                if (!SgfPoint.TryParsePoint(v, n, out int point))
                    Throw(p, $"'{v}' in {p.Name} is not a point on a {n}x{n} board (expected two letters a..{(char)('a' + n - 1)})");
                into.Add(point);
                continue;
            }
            bool okA = SgfPoint.TryParsePoint(v[..colon], n, out int a);
            bool okB = SgfPoint.TryParsePoint(v[(colon + 1)..], n, out int b);
            if (!okA || !okB)
                Throw(p, $"'{v}' in {p.Name} is not a rectangle of points on a {n}x{n} board (expected e.g. aa:cc)");
            int x0 = Math.Min(a % n, b % n), x1 = Math.Max(a % n, b % n);
            int y0 = Math.Min(a / n, b / n), y1 = Math.Max(a / n, b / n);
            for (int y = y1; y >= y0; y--)
                for (int x = x0; x <= x1; x++) into.Add(y * n + x);
        }
    }

    /// <summary>Rules from an SGF RU text: Sente's preset names, "Chinese", "NZ"/"New Zealand"; any other text
    /// (Japanese, Korean, AGA...) reads as Tromp-Taylor, since Sente plays and scores by area.</summary>
    public static Rules RulesFromSgf(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t is "new zealand" or "newzealand") return Rules.NewZealand;
        try
        {
            return Rules.Parse(t);
        }
        catch (FormatException)
        {
            return Rules.TrompTaylor;
        }
    }

    private static int ParseSize(SgfProperty p)
    {
        string v = p.Text().Trim();
        int colon = v.IndexOf(':');
        if (colon >= 0)
        {
            if (v[..colon].Trim() != v[(colon + 1)..].Trim()) Throw(p, $"SZ[{v}]: rectangular boards are not supported (expected a square size)");
            v = v[..colon].Trim();
        }
        if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int size))
            Throw(p, $"SZ[{v}] is not a board size (expected a number {BoardSizes.Range})");
        if (!BoardSizes.IsSupported(size)) Throw(p, $"board size {size} is not supported (expected {BoardSizes.Range})");
        return size;
    }

    private static double ParseKomi(SgfProperty p)
    {
        string v = p.Text().Trim();
        if (v.Length == 0) return 0;
        if (!double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double k)
            || Math.Abs(k) > 10_000)
            Throw(p, $"KM[{v}] is not a komi (expected a number such as 7.5)");
        return k;
    }

    private static int ParseInt(SgfProperty p, int min, int max, string what)
    {
        string v = p.Text().Trim();
        if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            Throw(p, $"{p.Name}[{v}] is not {what} (expected a whole number {min}..{max})");
        return n;
    }

    private static Stone ParseColor(SgfProperty p)
    {
        string v = p.Text().Trim();
        if (v.Equals("B", StringComparison.OrdinalIgnoreCase)) return Stone.Black;
        if (v.Equals("W", StringComparison.OrdinalIgnoreCase)) return Stone.White;
        Throw(p, $"{p.Name}[{v}] is not a colour (expected B or W)");
        return Stone.Empty;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Throw(SgfProperty p, string problem) => throw new SgfException(p.Line, p.Column, problem);
}
