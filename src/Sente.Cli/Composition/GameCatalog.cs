using Sente.Core;
using Sente.Core.Games;
using Sente.Games;
using Sente.Go;
using Sente.Search;
using Sente.Training.Zero;
using Sente.Core.Encoding;
using Sente.Go.Features;
using Sente.Gtp.Players;

namespace Sente.Cli.Composition;

/// <summary>The games Sente trains on, wired to their encoders, symmetries, baselines and SGF output.</summary>
public static class GameCatalog
{
    public static readonly string[] Names = ["go", "tictactoe", "connect4"];

    /// <summary>The binding for <paramref name="o"/>.Game (board size and komi for Go).</summary>
    public static ZeroGameBinding For(ZeroOptions o) => o.Game switch
    {
        "go" => Go(o.BoardSize, o.Komi, o.NoEyeFill),
        "tictactoe" => new ZeroGameBinding(TicTacToe.Instance, new ObservationEncoder(TicTacToe.Instance), Symmetry.For(3),
            null, seed => new RandomPlayer(seed), null, OpeningMoves: 2),
        "connect4" => new ZeroGameBinding(ConnectFour.Instance, new ObservationEncoder(ConnectFour.Instance), null,
            null, seed => new RandomPlayer(seed), null, OpeningMoves: 4,
            Augmentation: new ColumnMirror(ConnectFour.Rows, ConnectFour.Columns)),
        _ => throw new CliException($"unknown game '{o.Game}' (expected {string.Join(", ", Names)})"),
    };

    private static ZeroGameBinding Go(int size, double komi, bool noEyeFill)
    {
        var game = new GoGame(size, komi, Rules.TrompTaylor);
        return new ZeroGameBinding(game, StoneHistoryEncoder.AlphaGoZero(size), Symmetry.For(size),
            new GoPassFilter(), seed => new GoRandomPlayer(seed),
            record => ToSgf(game, record), OpeningMoves: Math.Max(2, size / 2),
            WrapEvaluator: noEyeFill ? e => new NoEyeFillEvaluator(e) : null);
    }

    /// <summary>A self-play record as an SGF game (Go).</summary>
    public static string ToSgf(GoGame game, Sente.Training.SelfPlayRecord record)
    {
        var state = (GoState)game.NewInitialState();
        foreach (var m in record.Moves) state.Apply(m.Action);
        string result = record.Resigned ? (record.Outcome > 0 ? "B+R" : "W+R")
            : state.IsTerminal ? state.Score().ResultString : "Void";
        var sgf = Sente.Go.GameRecord.FromState(state, result);
        sgf.Properties["PB"] = "Sente self-play";
        sgf.Properties["PW"] = "Sente self-play";
        sgf.Properties["GC"] = $"Sente AlphaGo Zero self-play, seed {record.Seed}";
        return Sente.Go.Sgf.Write(sgf);
    }
}
