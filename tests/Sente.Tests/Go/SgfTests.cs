using Sente.Core;
using Sente.Go;

namespace Sente.Tests.Go;

public class SgfTests
{
    private static readonly Lazy<string> TrainText = new(() => File.ReadAllText(RepoPaths.Data("gnugo-9x9/train.sgf")));

    [Fact]
    public void EveryGnuGoGameReplaysLegallyAndRoundTripsLosslessly()
    {
        List<SgfNode> trees = Sgf.ParseTrees(TrainText.Value);
        Assert.Equal(1002, trees.Count);
        // Tree level: write then parse gives the same trees, and the text is reproduced line by line.
        string written = Sgf.WriteTrees(trees);
        List<SgfNode> again = Sgf.ParseTrees(written);
        Assert.Equal(trees.Count, again.Count);
        for (int i = 0; i < trees.Count; i++) Assert.True(trees[i].SameAs(again[i]), $"tree {i} differs after a round trip");
        Assert.Equal(
            TrainText.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()),
            written.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // Record level: every game replays under positional superko, and record -> SGF -> record is equal.
        List<GameRecord> records = Sgf.ReadCollection(TrainText.Value);
        foreach (GameRecord r in records)
        {
            Assert.Equal(9, r.Size);
            Assert.Equal(7.5, r.Komi);
            Assert.Equal(Rules.Chinese, r.Rules);
            Assert.Equal("GNU Go 3.8 level 10", r.Properties["PB"]);
            GoState final = r.Replay();
            Assert.Equal(r.Moves.Count, final.MoveNumber);
            GameRecord back = Sgf.ReadGame(Sgf.Write(r));
            AssertSameRecord(r, back);
            Assert.Equal(Sgf.Write(r), Sgf.Write(back));
        }
        // GNU Go's RE removes stones it judges dead, so it equals the Tromp-Taylor count only when none are left:
        // with this data 332 of the 995 games that end by passes agree exactly; a broken count would agree rarely.
        int ended = 0, agree = 0;
        foreach (GameRecord r in records.Where(r => r.Moves.Count >= 2 && r.Moves[^1].Point == 81 && r.Moves[^2].Point == 81))
        {
            ended++;
            if (r.Replay().Score().ResultString == r.Result) agree++;
        }
        Assert.True(agree >= ended * 3 / 10, $"{agree} of {ended} results agree with the Tromp-Taylor count");
    }

    internal static void AssertSameRecord(GameRecord a, GameRecord b)
    {
        Assert.Equal(a.Size, b.Size);
        Assert.Equal(a.Komi, b.Komi);
        Assert.Equal(a.Rules, b.Rules);
        Assert.Equal(a.Handicap, b.Handicap);
        Assert.Equal(a.SetupBlack, b.SetupBlack);
        Assert.Equal(a.SetupWhite, b.SetupWhite);
        Assert.Equal(a.SetupEmpty, b.SetupEmpty);
        Assert.Equal(a.FirstToMove, b.FirstToMove);
        Assert.Equal(a.Moves, b.Moves);
        Assert.Equal(a.Result, b.Result);
        Assert.Equal(a.Properties.OrderBy(kv => kv.Key), b.Properties.OrderBy(kv => kv.Key));
        Assert.Equal(a.ExtraRootProperties.Select(p => p.ToString()), b.ExtraRootProperties.Select(p => p.ToString()));
        for (int i = 0; i < a.Moves.Count; i++)
            Assert.Equal(Extras(a, i), Extras(b, i));
    }

    private static string Extras(GameRecord r, int i) =>
        i < r.MoveProperties.Count && r.MoveProperties[i] is { } l ? string.Concat(l.Select(p => p.ToString())) : "";

    [Fact]
    public void ReadsEscapesVariationsSetupPassesAndUnknownProperties()
    {
        const string text = "\uFEFF (;GM[1]FF[4]SZ[19]KM[6.5]HA[2]RU[Japanese]PB[Black \\] player]PW[W]DT[2024-01-02]\n" +
                            "C[line one\\\nstill one\\\\ end]XX[keep me]LB[aa:A][bb:B]AB[dd][pp]AW[aa:bb]\n" +
                            ";W[pd]C[first];B[tt]BL[12.5];W[](;B[dp];W[qq])(;B[cc]))";
        GameRecord r = Sgf.ReadGame(text);
        Assert.Equal(19, r.Size);
        Assert.Equal(6.5, r.Komi);
        Assert.Equal(2, r.Handicap);
        Assert.Equal(Rules.TrompTaylor, r.Rules);
        Assert.Equal("Japanese", r.RulesText);
        Assert.Equal("Black ] player", r.Properties["PB"]);
        Assert.Equal("line onestill one\\ end", r.Properties["C"]);
        Assert.Equal("keep me", r.Properties["XX"]);
        Assert.Equal("LB[aa:A][bb:B]", Assert.Single(r.ExtraRootProperties).ToString());
        Assert.Equal([Vertex.Parse("D16", 19), Vertex.Parse("Q4", 19)], r.SetupBlack);
        Assert.Equal(4, r.SetupWhite.Count); // aa:bb is a 2x2 rectangle
        Assert.Equal(Stone.White, r.FirstToMove);
        Assert.True(r.HadVariations);
        Assert.Equal(["W Q16", "B pass", "W pass", "B D4", "W R3"],
            r.Moves.Select(m => $"{m.Color.ToLetter()} {Vertex.ToGtp(m.Point, 19)}"));
        Assert.Equal("C[first]", string.Concat(r.MoveProperties[0]!.Select(p => p.ToString())));
        AssertSameRecord(r, Sgf.ReadGame(Sgf.Write(r)));

        // The tree keeps the variation; writing it back reproduces it.
        SgfNode tree = Assert.Single(Sgf.ParseTrees(text));
        Assert.True(tree.SameAs(Assert.Single(Sgf.ParseTrees(Sgf.WriteTrees([tree])))));
        Assert.Contains("(;B[dp];W[qq])(;B[cc])", Sgf.WriteTrees([tree]));
    }

    [Fact]
    public void WritesPassesAsEmptyValuesAndHandicapGames()
    {
        var state = new GoState(9, 0.5, Rules.TrompTaylor);
        state.PlaceFixedHandicap(2);
        state.Play(Stone.White, Vertex.Parse("E5", 9));
        state.Play(Stone.Black, state.Pass);
        GameRecord r = GameRecord.FromState(state, "W+R");
        Assert.Equal(2, r.Handicap);
        r.Properties["PB"] = "a ] b \\ c";
        string text = Sgf.Write(r);
        Assert.Contains("AB[cg][gc]", text);
        Assert.Contains("HA[2]", text);
        Assert.Contains(";W[ee];B[]", text);
        Assert.Contains("PB[a \\] b \\\\ c]", text);
        GameRecord back = Sgf.ReadGame(text);
        AssertSameRecord(r, back);
        Assert.Equal(state.Board.ToAscii(), back.Replay().Board.ToAscii());
    }

    [Theory]
    [InlineData("", 1, 1, "expected '('")]
    [InlineData("  x(;B[aa])", 1, 3, "expected '('")]
    [InlineData("(;SZ[9];B[aa]", 1, 14, "expected ')'")]
    [InlineData("(;SZ[9]\n;B[aa", 2, 6, "expected ']'")]
    [InlineData("(;SZ[9];B[aa];W)", 1, 16, "expected '['")]
    [InlineData("()", 1, 2, "empty game tree")]
    [InlineData("(;SZ[9](;B[aa]);W[bb])", 1, 16, "nodes cannot follow variations")]
    [InlineData("(;SZ[9];B[zz])", 1, 9, "not a move on a 9x9 board")]
    [InlineData("(;SZ[99])", 1, 3, "board size 99")]
    [InlineData("(;SZ[9]KM[abc])", 1, 8, "is not a komi")]
    [InlineData("(;SZ[9];B[aa];W[aa])", 1, 15, "is illegal: occupied")]
    [InlineData("(;GM[2])", 1, 3, "not Go")]
    [InlineData("(;SZ[9];B[aa]W[bb])", 1, 14, "both B and W")]
    [InlineData("(;SZ[9];B[aa];AB[cc])", 1, 15, "after the first move")]
    public void MalformedTextGivesLineColumnAndExpectation(string text, int line, int column, string fragment)
    {
        var e = Assert.Throws<SgfException>(() => Sgf.ReadCollection(text));
        Assert.Contains(fragment, e.Message);
        Assert.Equal((line, column), (e.Line, e.Column));
    }

    [Fact]
    public void ReadGameRefusesSeveralGames()
    {
        var e = Assert.Throws<SgfException>(() => Sgf.ReadGame("(;SZ[9])\n(;SZ[9])"));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void FuzzedAndTruncatedFilesOnlyEverThrowSgfException()
    {
        var rng = new Rng(20261128);
        string[] lines = TrainText.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        const string alphabet = "();[]\\:BWABAWAEPLSZKMHA aztt019.-+\n\uFEFF";
        int failures = 0, successes = 0;
        for (int iteration = 0; iteration < 3000; iteration++)
        {
            var chars = new List<char>();
            int games = 1 + rng.NextInt(3);
            for (int g = 0; g < games; g++) chars.AddRange(lines[rng.NextInt(lines.Length)]);
            int edits = rng.NextInt(6);
            for (int e = 0; e < edits && chars.Count > 0; e++)
            {
                int at = rng.NextInt(chars.Count);
                switch (rng.NextInt(4))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[rng.NextInt(alphabet.Length)]); break;
                    case 2: chars[at] = alphabet[rng.NextInt(alphabet.Length)]; break;
                    default: chars.RemoveRange(at, Math.Min(chars.Count - at, 1 + rng.NextInt(20))); break;
                }
            }
            string text = new(chars.ToArray());
            if (rng.NextInt(2) == 0) text = text[..rng.NextInt(text.Length + 1)]; // truncation
            try
            {
                foreach (GameRecord r in Sgf.ReadCollection(text))
                {
                    GameRecord back = Sgf.ReadGame(Sgf.Write(r));
                    AssertSameRecord(r, back);
                }
                successes++;
            }
            catch (SgfException e)
            {
                Assert.True(e.Line >= 1 && e.Column >= 1);
                failures++;
            }
        }
        Assert.True(failures > 500 && successes > 100, $"{failures} errors, {successes} parsed: the fuzzer should produce both");

        // Pathological nesting and length cannot overflow the stack.
        Assert.Throws<SgfException>(() => Sgf.ReadCollection(new string('(', 200_000)));
        string deep = "(;SZ[9]" + string.Concat(Enumerable.Repeat("(;C[x]", 100_000)) + new string(')', 100_001);
        Assert.Single(Sgf.ParseTrees(deep));
    }

    [Fact]
    public void ReadsLatin1FilesWhenCaSaysSo()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sente-sgf-{Environment.ProcessId}.sgf");
        try
        {
            File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("(;FF[4]CA[ISO-8859-1]SZ[9]PB[J\u00f6rg];B[ee])"));
            Assert.Equal("J\u00f6rg", Sgf.ReadGame(Sgf.ReadFileText(path)).Properties["PB"]);
            Sgf.WriteFileAtomic(path, "(;FF[4]CA[UTF-8]SZ[9]PB[J\u00f6rg];B[ee])\n");
            Assert.Equal("J\u00f6rg", Sgf.ReadGame(Sgf.ReadFileText(path)).Properties["PB"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
