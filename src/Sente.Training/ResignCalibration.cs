namespace Sente.Training;

/// <summary>
/// AlphaGo Zero's resignation check: from the games played with resignation disabled, the false-positive rate of a
/// threshold (games the resigning side would not have lost) and the highest threshold that keeps it under a target
/// (AlphaGo Zero: 5%).
/// </summary>
public static class ResignCalibration
{
    /// <summary>Among resign-disabled games in which some player's value fell below <paramref name="threshold"/>,
    /// the fraction where the first such player did not lose. Null when no game would have resigned.</summary>
    public static double? FalsePositiveRate(IEnumerable<SelfPlayRecord> games, double threshold)
    {
        int wouldResign = 0, falsePositives = 0;
        foreach (SelfPlayRecord g in games)
        {
            if (!g.ResignDisabled) continue;
            int player = FirstBelow(g, threshold);
            if (player < 0) continue;
            wouldResign++;
            if (g.OutcomeFor(player) >= 0) falsePositives++;
        }
        return wouldResign == 0 ? null : (double)falsePositives / wouldResign;
    }

    /// <summary>The highest threshold in [-1, <paramref name="maxThreshold"/>] (steps of 0.01) whose false-positive
    /// rate on the resign-disabled games is at most <paramref name="targetRate"/>; -1 (never resign) when none is.</summary>
    public static double Calibrate(IReadOnlyList<SelfPlayRecord> games, double targetRate = 0.05, double maxThreshold = -0.5)
    {
        for (double t = maxThreshold; t > -1; t = Math.Round(t - 0.01, 2))
            if (FalsePositiveRate(games, t) is { } rate && rate <= targetRate) return t;
        return -1;
    }

    /// <summary>The first player whose recorded value is below the threshold, or -1. Replays turns by alternation
    /// of <see cref="MoveRecord.Value"/>s from player 0 (the values are for the player to move).</summary>
    private static int FirstBelow(SelfPlayRecord g, double threshold)
    {
        for (int i = 0; i < g.Moves.Count; i++)
            if (g.Moves[i].Value < threshold) return i & 1;
        return -1;
    }
}
