using System.Globalization;
using Sente.Go;

namespace Sente.Gtp.Match;

// Game records of a match: writing each game's SGF, and reading them back to resume an interrupted match.
public sealed partial class MatchRunner
{
    private const string CommentPrefix = "Refereed by Sente (Tromp-Taylor): ";

    private string GamePath(string dir, int index) => Path.Combine(dir, $"game-{index + 1:D4}.sgf");

    /// <summary>The outcome of game <paramref name="index"/> if its SGF is already in the folder, else null.</summary>
    private GameOutcome? TryResume(int index)
    {
        if (options.SgfDir is not { } dir) return null;
        string path = GamePath(dir, index);
        if (!File.Exists(path)) return null;
        GameRecord r;
        try { r = Sgf.ReadGame(File.ReadAllText(path)); }
        catch (SgfException e) { throw new InvalidDataException($"{path}: {e.Message} (delete it to replay that game)"); }
        bool aIsBlack = index % 2 == 0;
        string black = aIsBlack ? options.PlayerA : options.PlayerB, white = aIsBlack ? options.PlayerB : options.PlayerA;
        r.Properties.TryGetValue("PB", out string? pb);
        r.Properties.TryGetValue("PW", out string? pw);
        if (pb != black || pw != white || r.Size != options.Size || r.Komi != options.Komi)
            throw new InvalidDataException(
                $"{path} is a game of another match (PB '{pb}', PW '{pw}', {r.Size}x{r.Size}, komi {r.Komi.ToString(CultureInfo.InvariantCulture)}); " +
                "use another --sgf-dir or the same players, size and komi to resume");
        string result = r.Result ?? throw new InvalidDataException($"{path} has no result (RE); delete it to replay that game");
        Stone winner = result.StartsWith("B+", StringComparison.Ordinal) ? Stone.Black
                     : result.StartsWith("W+", StringComparison.Ordinal) ? Stone.White : Stone.Empty;
        r.Properties.TryGetValue("C", out string? comment);
        string reason = comment is not null && comment.StartsWith(CommentPrefix, StringComparison.Ordinal) ? comment[CommentPrefix.Length..] : "resumed";
        return new GameOutcome(index, aIsBlack, winner, result, reason, r.Moves.Count, path)
        {
            Forfeit = result.EndsWith("+F", StringComparison.Ordinal),
            Resumed = true,
        };
    }

    private GameOutcome Finish(int index, bool aIsBlack, GoState state, Stone winner, string result, string reason, bool forfeit)
    {
        string? path = null;
        if (options.SgfDir is { } dir)
        {
            var record = new GameRecord { Size = state.Size, Komi = state.Komi, Rules = state.Rules, FirstToMove = Stone.Black, Result = result };
            record.Moves.AddRange(state.Moves);
            record.Properties["PB"] = aIsBlack ? options.PlayerA : options.PlayerB;
            record.Properties["PW"] = aIsBlack ? options.PlayerB : options.PlayerA;
            record.Properties["DT"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            record.Properties["GN"] = $"match game {index + 1}";
            record.Properties["C"] = CommentPrefix + reason;
            path = GamePath(dir, index);
            Sgf.WriteFileAtomic(path, Sgf.Write(record));
        }
        return new GameOutcome(index, aIsBlack, winner, result, reason, state.Moves.Count, path) { Forfeit = forfeit };
    }
}
