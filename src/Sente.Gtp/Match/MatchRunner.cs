using Sente.Go;
using Sente.Gtp.Client;
using Sente.Gtp.Players;

namespace Sente.Gtp.Match;

/// <summary>
/// Plays a match between two GTP players with Sente as referee: Sente keeps the real game (Tromp-Taylor rules:
/// positional superko, no suicide), asks the side to move for genmove, checks it, and forwards it to the other
/// player with play. Games end by two passes (area score by Sente), resignation, or the move limit (scored as it
/// stands). A player that makes an illegal move, crashes, times out or answers illegally loses that game (reported
/// in the outcome) and is restarted for the next game. With an SGF folder the match is resumable: games already
/// written there (same players, same colours) are counted, not replayed (MatchRunner.Records.cs).
/// Not thread-safe; one match per instance.
/// </summary>
public sealed partial class MatchRunner(PlayerFactory players, MatchOptions options)
{
    private readonly GtpClient?[] _clients = new GtpClient?[2];   // [0] = player A, [1] = player B
    private readonly string[] _genmove = ["genmove", "genmove"];   // or kgs-genmove_cleanup (see MatchOptions.Cleanup)
    private ulong _seedBase;

    /// <summary>The command each player is asked for moves with ([0] = A, [1] = B); known once the match started.</summary>
    public IReadOnlyList<string> GenMoveCommands => _genmove;

    /// <summary>Plays every game not already in the SGF folder, calling <paramref name="onGame"/> after each game
    /// (resumed ones included, first). Returns the outcomes in order. On cancellation the game in progress is
    /// abandoned (not counted, not written) and the outcomes so far are returned.</summary>
    /// <exception cref="GtpException">A player cannot be started at all (e.g. the program is missing).</exception>
    /// <exception cref="InvalidDataException">The SGF folder holds games of another match.</exception>
    public IReadOnlyList<GameOutcome> Run(Action<GameOutcome>? onGame = null, CancellationToken cancel = default)
    {
        if (options.SgfDir is { } dir) Directory.CreateDirectory(dir);
        var outcomes = new List<GameOutcome>();
        try
        {
            int g = 0;
            for (; g < options.Games && TryResume(g) is { } done; g++)
            {
                outcomes.Add(done);
                onGame?.Invoke(done);
            }
            _seedBase = (ulong)g;
            if (g < options.Games)
            {
                Client(0);   // a player that cannot be started at all fails the match here, not game by game
                Client(1);
            }
            for (; g < options.Games && !cancel.IsCancellationRequested; g++)
            {
                if (PlayGame(g, cancel) is not { } o) break;
                outcomes.Add(o);
                onGame?.Invoke(o);
            }
        }
        finally
        {
            foreach (GtpClient? c in _clients) c?.Dispose();
        }
        return outcomes;
    }

    private GtpClient Client(int who)
    {
        if (_clients[who] is { } c) return c;
        string spec = who == 0 ? options.PlayerA : options.PlayerB;
        // Internal players are seeded from (seed, player, first game they play in this run).
        ulong seed = options.Seed * 1_000_003UL + (ulong)who + 2 * _seedBase;
        var client = new GtpClient(players.Connect(spec, seed)) { Timeout = options.CommandTimeout, MoveTimeout = options.MoveTimeout };
        _clients[who] = client;
        _genmove[who] = "genmove";
        if (options.Cleanup && !PlayerFactory.IsInternal(spec))   // Sente's own players play games out anyway
        {
            try
            {
                if (client.KnownCommand("kgs-genmove_cleanup")) _genmove[who] = "kgs-genmove_cleanup";
            }
            catch (GtpCommandFailedException) { }
        }
        return client;
    }

    private void Drop(int who)
    {
        _clients[who]?.Dispose();
        _clients[who] = null;
    }

    private GameOutcome? PlayGame(int index, CancellationToken cancel)
    {
        bool aIsBlack = index % 2 == 0;
        int blackWho = aIsBlack ? 0 : 1;
        int Who(Stone color) => color == Stone.Black ? blackWho : 1 - blackWho;
        var state = new GoState(options.Size, options.Komi, Rules.TrompTaylor);
        int maxMoves = options.MaxMoves > 0 ? options.MaxMoves : 4 * options.Size * options.Size;

        // Set up both players; a player that fails here forfeits.
        foreach (Stone color in new[] { Stone.Black, Stone.White })
        {
            try
            {
                GtpClient c = Client(Who(color));
                c.BoardSize(options.Size);
                c.ClearBoard();
                c.Komi(options.Komi);
            }
            catch (GtpException e)
            {
                Drop(Who(color));
                return Forfeit(index, aIsBlack, state, color, $"{Name(Who(color))} ({ColorName(color)}) failed at game start: {e.Message}");
            }
        }

        while (true)
        {
            if (cancel.IsCancellationRequested) return null;
            if (state.ConsecutivePasses >= 2) return Scored(index, aIsBlack, state, "two passes");
            if (state.Moves.Count >= maxMoves) return Scored(index, aIsBlack, state, $"move limit {maxMoves}");
            Stone color = state.ToMove;
            int mover = Who(color), other = 1 - mover;
            MoveReply reply;
            try
            {
                reply = Client(mover).GenMove(color, _genmove[mover]);
            }
            catch (GtpException e)
            {
                Drop(mover);
                return Forfeit(index, aIsBlack, state, color, $"{Name(mover)} ({ColorName(color)}) failed on genmove: {e.Message}");
            }
            if (reply.Resign)
                return Finish(index, aIsBlack, state, color.Opponent(), color.Opponent().ToLetter() + "+R", $"{ColorName(color)} resigned", forfeit: false);
            if (!state.IsLegal(color, reply.Point, out string reason))
            {
                Drop(mover);
                return Forfeit(index, aIsBlack, state, color,
                    $"{Name(mover)} ({ColorName(color)}) played the illegal move {Vertex.ToGtp(reply.Point, options.Size)} ({reason})");
            }
            state.Play(color, reply.Point);
            try
            {
                Client(other).Play(color, reply.Point);
            }
            catch (GtpException e)
            {
                Drop(other);
                return Forfeit(index, aIsBlack, state, color.Opponent(),
                    $"{Name(other)} ({ColorName(color.Opponent())}) rejected the legal move {Vertex.ToGtp(reply.Point, options.Size)}: {e.Message}");
            }
        }
    }

    private string Name(int who) => who == 0 ? options.PlayerA : options.PlayerB;
    private static string ColorName(Stone c) => c == Stone.Black ? "black" : "white";

    private GameOutcome Scored(int index, bool aIsBlack, GoState state, string reason)
    {
        AreaScore score = state.Score();
        return Finish(index, aIsBlack, state, score.Winner, score.ResultString, reason, forfeit: false);
    }

    private GameOutcome Forfeit(int index, bool aIsBlack, GoState state, Stone loser, string reason) =>
        Finish(index, aIsBlack, state, loser.Opponent(), loser.Opponent().ToLetter() + "+F", reason, forfeit: true);
}
