namespace Sente.Gtp.Match;

/// <summary>
/// Win/loss/draw summary of a match from one player's point of view: score fraction (draw = half a win),
/// its 95% Wilson score interval, and the Elo difference implied by the score (-400 log10(1/p - 1)) with the
/// interval mapped the same way. Elo is infinite at p = 0 or 1 (reported as +/-infinity).
/// </summary>
public sealed record MatchStatistics(int Wins, int Losses, int Draws)
{
    private const double Z95 = 1.959963984540054;

    public int Games => Wins + Losses + Draws;

    /// <summary>Score fraction in [0,1]; NaN with no games.</summary>
    public double Score => Games == 0 ? double.NaN : (Wins + 0.5 * Draws) / Games;

    /// <summary>95% Wilson score interval of <see cref="Score"/>.</summary>
    public (double Low, double High) ScoreInterval
    {
        get
        {
            if (Games == 0) return (0, 1);
            double n = Games, p = Score, z2 = Z95 * Z95;
            double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }

    public double Elo => ToElo(Score);
    public (double Low, double High) EloInterval => (ToElo(ScoreInterval.Low), ToElo(ScoreInterval.High));

    /// <summary>The Elo difference that gives expected score <paramref name="p"/>.</summary>
    public static double ToElo(double p) =>
        p <= 0 ? double.NegativeInfinity : p >= 1 ? double.PositiveInfinity : -400 * Math.Log10(1 / p - 1);

    public static string FormatElo(double elo) =>
        double.IsPositiveInfinity(elo) ? "+inf" : double.IsNegativeInfinity(elo) ? "-inf" :
        elo.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture);
}
