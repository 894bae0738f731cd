using System.Text;
using Sente.Core.IO;

namespace Sente.Go;

/// <summary>
/// SGF FF[4] for Go: read and write game records (<see cref="GameRecord"/>, main line) and raw trees
/// (<see cref="SgfNode"/>, variations included, lossless). Malformed input raises <see cref="SgfException"/> with line,
/// column and what was expected - never another exception, never a silently shortened game.
/// Passes are written as B[] / W[]; B[tt] is read as a pass on boards up to 19x19.
/// </summary>
public static class Sgf
{
    /// <summary>Every game tree of a collection, as node trees (lossless).</summary>
    public static List<SgfNode> ParseTrees(string text) => SgfParser.ParseCollection(text);

    /// <summary>Game trees as SGF text, one tree per line.</summary>
    public static string WriteTrees(IEnumerable<SgfNode> roots)
    {
        var sb = new StringBuilder();
        foreach (SgfNode root in roots)
        {
            SgfWriter.WriteTree(sb, root);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Every game of a collection as records (main lines), checked as <see cref="GameRecord.FromTree"/> says.</summary>
    public static List<GameRecord> ReadCollection(string text) => ParseTrees(text).Select(GameRecord.FromTree).ToList();

    /// <summary>The single game of <paramref name="text"/>.</summary>
    /// <exception cref="SgfException">Malformed, or the text holds several games (use <see cref="ReadCollection"/>).</exception>
    public static GameRecord ReadGame(string text)
    {
        List<SgfNode> trees = ParseTrees(text);
        if (trees.Count != 1)
            throw new SgfException(trees[1].Line, trees[1].Column,
                $"expected a single game, found {trees.Count} game trees (read it as a collection)");
        return GameRecord.FromTree(trees[0]);
    }

    /// <summary>One record as SGF text (a single line ending in a newline).</summary>
    public static string Write(GameRecord record) => WriteTrees([record.ToTree()]);

    /// <summary>Records as a collection, one game per line.</summary>
    public static string WriteCollection(IEnumerable<GameRecord> records) => WriteTrees(records.Select(r => r.ToTree()));

    /// <summary>Reads an SGF file's text: UTF-8 unless its CA property names Latin-1 (ISO-8859-1 / Windows-1252),
    /// which is then used. IO errors propagate as <see cref="IOException"/>s.</summary>
    public static string ReadFileText(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string text = new UTF8Encoding(false).GetString(bytes);
        int ca = text.IndexOf("CA[", StringComparison.Ordinal);
        if (ca >= 0)
        {
            int end = text.IndexOf(']', ca);
            string charset = end > ca ? text[(ca + 3)..end].Trim().ToUpperInvariant() : "";
            if (charset is "ISO-8859-1" or "LATIN1" or "LATIN-1" or "WINDOWS-1252" or "CP1252")
                text = Encoding.Latin1.GetString(bytes);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically and durably (<see cref="AtomicFile"/>).</summary>
    public static void WriteFileAtomic(string path, string text) => AtomicFile.WriteAllText(path, text);
}
