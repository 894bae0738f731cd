namespace Sente.Rl.Marketing;

/// <summary>
/// The segments the calibration and the reports use. Coarse segments: men's buyer (bought men's merchandise in the
/// past year) x new customer, 4 cells. Fine cells: coarse x recency band (1-3, 4-6, 7-9, 10-12 months) x history
/// band (past-year spend under $100, $100-350, $350 and more), 48 cells. Stateless.
/// </summary>
public static class SegmentCell
{
    public const int CoarseCount = 4, RecencyBands = 4, HistoryBands = 3;
    public const int FineCount = CoarseCount * RecencyBands * HistoryBands;

    /// <summary>Coarse cell 0..3: 2 * mens + newbie.</summary>
    public static int Coarse(in Customer c) => (c.Mens ? 2 : 0) + (c.Newbie ? 1 : 0);

    /// <summary>Fine cell 0..47; <c>Fine(c) / 12 == Coarse(c)</c>.</summary>
    public static int Fine(in Customer c) =>
        Coarse(c) * RecencyBands * HistoryBands + RecencyBand(c.Recency) * HistoryBands + HistoryBand(c.History);

    /// <summary>The coarse cell a fine cell refines.</summary>
    public static int CoarseOf(int fine) => fine / (RecencyBands * HistoryBands);

    public static int RecencyBand(int recency) => Math.Clamp((recency - 1) / 3, 0, RecencyBands - 1);

    public static int HistoryBand(double history) => history < 100 ? 0 : history < 350 ? 1 : 2;

    /// <summary>"men's buyers, new" / "no men's, existing" ...</summary>
    public static string CoarseName(int coarse) =>
        $"{(coarse >= 2 ? "men's buyers" : "no men's")}, {(coarse % 2 == 1 ? "new" : "existing")}";

    /// <summary>"men's buyers, new, recency 1-3, history $100-350".</summary>
    public static string FineName(int fine)
    {
        int rest = fine % (RecencyBands * HistoryBands);
        string[] recency = ["1-3", "4-6", "7-9", "10-12"];
        string[] history = ["<$100", "$100-350", ">=$350"];
        return $"{CoarseName(CoarseOf(fine))}, recency {recency[rest / HistoryBands]}, history {history[rest % HistoryBands]}";
    }
}
