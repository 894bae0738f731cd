using System.Globalization;

namespace Sente.Go;

/// <summary>A Tromp-Taylor area score: each side's stones plus empty regions reaching only that side, and komi.</summary>
public readonly record struct AreaScore(int BlackArea, int WhiteArea, double Komi)
{
    /// <summary>Black's margin: BlackArea - WhiteArea - Komi (positive: Black wins).</summary>
    public double Margin => BlackArea - WhiteArea - Komi;

    /// <summary>The winner, or Empty for a draw (margin 0).</summary>
    public Stone Winner => Margin > 0 ? Stone.Black : Margin < 0 ? Stone.White : Stone.Empty;

    /// <summary>SGF/GTP result text: "B+3.5", "W+0.5", or "0" for a draw.</summary>
    public string ResultString => Margin == 0
        ? "0"
        : (Margin > 0 ? "B+" : "W+") + Math.Abs(Margin).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>A move that the rules forbid. <see cref="Reason"/> is "occupied", "suicide", "ko", "superko" or "off board".</summary>
public sealed class IllegalMoveException(string reason, string message) : InvalidOperationException(message)
{
    /// <summary>Why the move is illegal: "occupied", "suicide", "ko", "superko" or "off board".</summary>
    public string Reason { get; } = reason;
}
