using System.Text.RegularExpressions;
using Sente.Core;
using Sente.Go;
using GoRecord = Sente.Go.GameRecord;

namespace Sente.Lee.Stages;

/// <summary>One supervised example: move <see cref="MoveIndex"/> (0-based) of game <see cref="Game"/> is the target.</summary>
public readonly record struct MoveTarget(int Game, int MoveIndex);

/// <summary>
/// Expert games for supervised learning (AlphaGo's first step): SGF collections read into game records, the moves
/// that are real targets (not passes, which AlphaGo excluded, and not the random opening moves that GNU Go self-play
/// data marks in GC as "first K moves random"), and a held-out split by game (never by position, so no game is on
/// both sides). Immutable after loading.
/// </summary>
public sealed partial class SgfPositions
{
    [GeneratedRegex(@"first (\d+) moves random", RegexOptions.IgnoreCase)]
    private static partial Regex RandomOpening();

    private SgfPositions(int size, List<GoRecord> games, List<MoveTarget> train, List<MoveTarget> test)
    {
        Size = size;
        Games = games;
        Train = train;
        Test = test;
    }

    public int Size { get; }
    public IReadOnlyList<GoRecord> Games { get; }
    public IReadOnlyList<MoveTarget> Train { get; }
    public IReadOnlyList<MoveTarget> Test { get; }

    /// <summary>Loads every .sgf file at <paramref name="path"/> (a file or a folder, recursively), keeps the games of
    /// board size <paramref name="size"/> and splits them: a fraction <paramref name="testFraction"/> of the games,
    /// chosen with <paramref name="seed"/>, is held out.</summary>
    /// <exception cref="InvalidDataException">A file is malformed (the message names file, line and column).</exception>
    public static SgfPositions Load(string path, int size, double testFraction, ulong seed)
    {
        string[] files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.sgf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"no SGF file or folder at '{path}'", path);
        var games = new List<GoRecord>();
        foreach (string f in files)
        {
            try { games.AddRange(Sgf.ReadCollection(Sgf.ReadFileText(f)).Where(g => g.Size == size)); }
            catch (SgfException e) { throw new InvalidDataException($"{f}: {e.Message}", e); }
        }
        if (games.Count < 2) throw new InvalidDataException($"'{path}' holds {games.Count} game(s) of size {size}; need at least 2");
        bool[] isTest = HeldOutGames(games.Count, testFraction, seed);
        var train = new List<MoveTarget>();
        var test = new List<MoveTarget>();
        for (int g = 0; g < games.Count; g++)
        {
            int skip = RandomOpeningMoves(games[g]);
            var moves = games[g].Moves;
            for (int m = skip; m < moves.Count; m++)
                if (moves[m].Point != size * size) (isTest[g] ? test : train).Add(new MoveTarget(g, m));
        }
        return new SgfPositions(size, games, train, test);
    }

    /// <summary>The number of random opening moves declared in the game comment (0 when none).</summary>
    public static int RandomOpeningMoves(GoRecord game) =>
        game.Properties.TryGetValue("GC", out string? gc) && gc is not null && RandomOpening().Match(gc) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The split by game shared by the policy and value data: a seeded shuffle of the <paramref name="games"/>
    /// indices, the first round(games x testFraction) of them (at least 1, at most games - 1) held out.
    /// Depends only on the count, the fraction and the seed.</summary>
    public static bool[] HeldOutGames(int games, double testFraction, ulong seed)
    {
        var order = Enumerable.Range(0, games).ToArray();
        var rng = new Rng(seed);
        for (int i = order.Length - 1; i > 0; i--) { int j = rng.NextInt(i + 1); (order[i], order[j]) = (order[j], order[i]); }
        int testGames = Math.Clamp((int)Math.Round(games * testFraction), 1, games - 1);
        var isTest = new bool[games];
        foreach (int g in order.Take(testGames)) isTest[g] = true;
        return isTest;
    }
}
