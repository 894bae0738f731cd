using Sente.Go;
using Sente.Gtp.Players;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Engine;

// Moves, undo, scoring and time.
public sealed partial class GtpEngine
{
    private double _mainTime, _byoYomiTime;
    private int _byoYomiStones;
    private readonly double?[] _timeLeft = new double?[3];
    private readonly int?[] _stonesLeft = new int?[3];

    private void RegisterPlayCommands()
    {
        Register("play", a =>
        {
            ExpectCount(a, 2, "play <color> <vertex>");
            Stone color = ParseColor(a[0]);
            int point = ParseVertex(a[1]);
            if (!_state.IsLegal(color, point, out string reason)) throw new GtpCommandException($"illegal move: {V(point)} ({reason})");
            _state.Play(color, point);
            return "";
        });
        Register("genmove", a => GenMove(a, play: true));
        Register("reg_genmove", a => GenMove(a, play: false));
        // KGS / twogtp "cleanup" genmove: Sente's players never pass while dead stones remain (Tromp-Taylor), so the same.
        Register("kgs-genmove_cleanup", a => GenMove(a, play: true));
        Register("undo", a =>
        {
            ExpectCount(a, 0, "undo");
            if (_state.Moves.Count == 0) throw new GtpCommandException("cannot undo");
            _state.Undo();
            return "";
        });
        Register("final_score", a =>
        {
            ExpectCount(a, 0, "final_score");
            return _state.Score().ResultString;
        });
        // Tromp-Taylor: games are played out and no stone is removed, so every stone counts as alive.
        Register("final_status_list", a =>
        {
            ExpectCount(a, 1, "final_status_list alive|dead|seki");
            switch (a[0].ToLowerInvariant())
            {
                case "alive":
                    return string.Join(' ', Enumerable.Range(0, _state.Size * _state.Size)
                        .Where(p => _state.Board[p] != Stone.Empty).Select(V));
                case "dead":
                case "seki":
                    return "";
                default:
                    throw new GtpCommandException($"syntax error: status '{a[0]}' is not alive, dead or seki");
            }
        });
        Register("time_settings", a =>
        {
            ExpectCount(a, 3, "time_settings <main_time> <byo_yomi_time> <byo_yomi_stones>");
            int main = ParseInt(a[0], "main time"), byo = ParseInt(a[1], "byo-yomi time"), stones = ParseInt(a[2], "byo-yomi stones");
            if (main < 0 || byo < 0 || stones < 0) throw new GtpCommandException("syntax error: times and stones must not be negative");
            (_mainTime, _byoYomiTime, _byoYomiStones) = (main, byo, stones);
            Array.Clear(_timeLeft);
            Array.Clear(_stonesLeft);
            return "";
        });
        Register("time_left", a =>
        {
            ExpectCount(a, 3, "time_left <color> <time> <stones>");
            Stone color = ParseColor(a[0]);
            int time = ParseInt(a[1], "time"), stones = ParseInt(a[2], "stones");
            if (time < 0 || stones < 0) throw new GtpCommandException("syntax error: time and stones must not be negative");
            _timeLeft[(int)color] = time;
            _stonesLeft[(int)color] = stones;
            return "";
        });
    }

    private string GenMove(IReadOnlyList<string> a, bool play)
    {
        ExpectCount(a, 1, (play ? "genmove" : "reg_genmove") + " <color>");
        Stone color = ParseColor(a[0]);
        if (!_generator.SupportsBoardSize(_state.Size))
            throw new GtpCommandException($"move generator '{_generator.Name}' cannot play {_state.Size}x{_state.Size} (boardsize to a size it plays)");
        var clock = new GtpClock(_mainTime, _byoYomiTime, _byoYomiStones, _timeLeft[(int)color], _stonesLeft[(int)color]);
        MoveReply move = _generator.GenerateMove(_state, color, clock);
        if (move.Resign) return "resign";
        if (!_state.IsLegal(color, move.Point, out string reason))
            throw new GtpCommandException($"move generator '{_generator.Name}' chose an illegal move {V(move.Point)} ({reason})");
        if (play) _state.Play(color, move.Point);
        return V(move.Point);
    }
}
