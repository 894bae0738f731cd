using Sente.Go;
using GoRecord = Sente.Go.GameRecord;

namespace Sente.Lee.Stages;

/// <summary>One game read from an SGF collection: the <paramref name="File"/> it came from and its
/// <paramref name="Number"/> there (from 1); <see cref="Source"/> names it for messages ("FILE: game N").</summary>
public readonly record struct SgfGame(GoRecord Game, string File, int Number)
{
    public string Source => $"{File}: game {Number}";
}

/// <summary>Reads the value-network inputs: every .sgf file at a path (a file, or a folder recursively in ordinal
/// order), keeping the games of one board size. An empty file holds no game (a value-data chunk in which no game
/// reached its move U). Stateless.</summary>
public static class SgfGames
{
    /// <exception cref="FileNotFoundException">No file or folder at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message names it, with line and column).</exception>
    public static List<SgfGame> Read(string path, int size)
    {
        string[] files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.sgf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"no SGF file or folder at '{path}'", path);
        var games = new List<SgfGame>();
        foreach (string f in files)
        {
            List<GoRecord> read;
            try
            {
                string text = Sgf.ReadFileText(f);
                read = text.Trim().Length == 0 ? [] : Sgf.ReadCollection(text);
            }
            catch (SgfException e) { throw new InvalidDataException($"{f}: {e.Message}", e); }
            for (int i = 0; i < read.Count; i++)
                if (read[i].Size == size) games.Add(new SgfGame(read[i], f, i + 1));
        }
        return games;
    }
}
