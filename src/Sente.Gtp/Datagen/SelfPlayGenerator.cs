using System.Globalization;
using Sente.Core;
using Sente.Go;
using Sente.Gtp.Client;

namespace Sente.Gtp.Datagen;

/// <summary>
/// Self-play of one external GTP engine for supervised-learning data: the engine plays both colours (genmove
/// black / genmove white), Sente checks every move with its own rules and records the game. Resumable: the games
/// already in the output are counted and generation continues from there; game i always uses the seed derived
/// from (Seed, i), so a resumed run makes the same games an uninterrupted one would. Every game is written
/// atomically (temp file + rename). A game in which the engine fails (illegal move, crash, timeout) is not
/// written; the engine is restarted and the game retried with the next attempt seed (at most 3 times).
/// </summary>
public sealed class SelfPlayGenerator(DatagenOptions options)
{
    private GtpClient? _client;
    private string _engineName = "engine";

    /// <summary>Number of games already in the output (0 when it does not exist).</summary>
    /// <exception cref="SgfException">The output collection exists but is not valid SGF.</exception>
    public int CountExisting()
    {
        if (options.OutputIsFile)
            return File.Exists(options.Output) ? Sgf.ReadCollection(Sgf.ReadFileText(options.Output)).Count : 0;
        return Directory.Exists(options.Output) ? Directory.GetFiles(options.Output, "game-*.sgf").Length : 0;
    }

    /// <summary>Plays games until the output holds <see cref="DatagenOptions.Games"/> (or until cancelled: the game in
    /// progress is then dropped). Calls
    /// <paramref name="onGame"/>(games in output, failures so far, the game) after each written game.
    /// Returns the number of games written by this call.</summary>
    /// <exception cref="GtpException">The engine cannot be started, or fails 3 times in a row on one game.</exception>
    public int Run(Action<int, int, GameRecord>? onGame = null, CancellationToken cancel = default)
    {
        if (!options.OutputIsFile) Directory.CreateDirectory(options.Output);
        else if (Path.GetDirectoryName(Path.GetFullPath(options.Output)) is { } parent) Directory.CreateDirectory(parent);
        int have = CountExisting(), written = 0, failures = 0;
        try
        {
            while (have < options.Games && !cancel.IsCancellationRequested)
            {
                GameRecord? record = null;
                bool cancelled = false;
                for (int attempt = 0; record is null && !cancelled; attempt++)
                {
                    try
                    {
                        record = PlayGame(have, attempt, cancel);
                        cancelled = record is null;
                    }
                    catch (GtpException) when (attempt < 2)
                    {
                        failures++;
                        _client?.Dispose();
                        _client = null;
                    }
                }
                if (record is null) break;   // cancelled: the game in progress is dropped
                Append(record, have);
                have++;
                written++;
                onGame?.Invoke(have, failures, record);
            }
        }
        finally
        {
            _client?.Dispose();
        }
        return written;
    }

    private GtpClient Engine()
    {
        if (_client is not null) return _client;
        _client = new GtpClient(new GtpProcessConnection(options.Engine)) { MoveTimeout = options.MoveTimeout };
        string name = _client.Name().Trim();
        string version = "";
        try { version = _client.Version().Trim(); } catch (GtpCommandFailedException) { }
        _engineName = version.Length == 0 ? name : $"{name} {version}";
        return _client;
    }

    /// <summary>Plays game number <paramref name="index"/> (0-based). Throws <see cref="GtpException"/> when the
    /// engine fails; an illegal engine move is reported as a <see cref="GtpProtocolException"/>. Null when
    /// cancelled.</summary>
    private GameRecord? PlayGame(int index, int attempt, CancellationToken cancel)
    {
        var rng = new Rng(options.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)index * 1_000_003UL ^ (ulong)attempt * 7919UL);
        GtpClient engine = Engine();
        engine.BoardSize(options.Size);
        engine.ClearBoard();
        engine.Komi(options.Komi);
        var state = new GoState(options.Size, options.Komi, Rules.TrompTaylor);
        int maxMoves = options.MaxMoves > 0 ? options.MaxMoves : 4 * options.Size * options.Size;

        int randomMoves = rng.NextInt(options.RandomOpening + 1);
        var legal = new List<int>();
        for (int i = 0; i < randomMoves; i++)
        {
            legal.Clear();
            for (int p = 0; p < options.Size * options.Size; p++)
                if (state.IsLegal(state.ToMove, p)) legal.Add(p);
            if (legal.Count == 0) { randomMoves = i; break; }
            int move = legal[rng.NextInt(legal.Count)];
            engine.Play(state.ToMove, move);
            state.Play(state.ToMove, move);
        }

        string? result = null;
        while (result is null)
        {
            if (cancel.IsCancellationRequested) return null;
            if (state.ConsecutivePasses >= 2 || state.Moves.Count >= maxMoves)
            {
                result = EngineScoreOrOurs(engine, state);
                break;
            }
            Stone color = state.ToMove;
            MoveReply reply = engine.GenMove(color);
            if (reply.Resign) { result = color.Opponent().ToLetter() + "+R"; break; }
            if (!state.IsLegal(color, reply.Point, out string reason))
                throw new GtpProtocolException(
                    $"engine '{options.Engine}' played the illegal move {color.ToLetter()} {Vertex.ToGtp(reply.Point, options.Size)} ({reason})");
            state.Play(color, reply.Point);
        }

        var record = new GameRecord { Size = options.Size, Komi = options.Komi, Rules = Rules.Chinese, FirstToMove = Stone.Black, Result = result };
        record.Moves.AddRange(state.Moves);
        record.Properties["PB"] = _engineName;
        record.Properties["PW"] = _engineName;
        record.Properties["GC"] = $"{_engineName} self-play; first {randomMoves} moves random legal";
        record.Properties["DT"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return record;
    }

    /// <summary>The engine's final_score (it may remove dead stones, as GNU Go does), or Sente's Tromp-Taylor
    /// score when the engine has no final_score or answers it with an error.</summary>
    private static string EngineScoreOrOurs(GtpClient engine, GoState state)
    {
        try
        {
            return engine.FinalScore();
        }
        catch (GtpCommandFailedException)
        {
            return state.Score().ResultString;
        }
    }

    private void Append(GameRecord record, int index)
    {
        string sgf = Sgf.Write(record).TrimEnd() + "\n";
        if (!options.OutputIsFile)
        {
            Sgf.WriteFileAtomic(Path.Combine(options.Output, $"game-{index + 1:D6}.sgf"), sgf);
            return;
        }
        string existing = File.Exists(options.Output) ? File.ReadAllText(options.Output) : "";
        if (existing.Length > 0 && !existing.EndsWith('\n')) existing += "\n";
        Sgf.WriteFileAtomic(options.Output, existing + sgf);
    }
}
