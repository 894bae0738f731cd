using Sente.Go;
using Sente.Search;

namespace Sente.Gtp.Players;

/// <summary>One candidate move of a running analysis. <see cref="Winrate"/>, <see cref="Prior"/> and
/// <see cref="Lcb"/> are probabilities in [0, 1] from the point of view of the analysed colour.</summary>
public sealed record AnalysisInfo(int Point, int Visits, double Winrate, double Prior, double Lcb, int Order, IReadOnlyList<int> Pv)
{
    /// <summary>The visited root moves of <paramref name="result"/>, most visited first (Q in [-1, 1] for the player
    /// to move becomes a winrate in [0, 1]).</summary>
    public static List<AnalysisInfo> FromSearch(SearchResult result)
    {
        var infos = new List<AnalysisInfo>();
        foreach (ChildStats c in result.Children)
        {
            if (c.Visits == 0) continue;
            double p = (1 + c.Q) / 2;
            // A normal-approximation lower confidence bound on the winrate (Leela Zero uses a Student-t bound).
            double lcb = Math.Max(0, p - 1.96 * Math.Sqrt(Math.Max(p * (1 - p), 1e-4) / c.Visits));
            infos.Add(new AnalysisInfo(c.Action, c.Visits, p, c.Prior, lcb, infos.Count, c.PrincipalVariation));
        }
        return infos;
    }

    /// <summary>Runs <paramref name="search"/> for <paramref name="interval"/> at a time until cancelled, reporting the
    /// visited root moves after each run (the loop of every <see cref="IAnalyzer"/>; the search keeps its tree).</summary>
    public static void Stream(Func<SearchLimits, CancellationToken, SearchResult> search, TimeSpan interval,
                              Action<IReadOnlyList<AnalysisInfo>> report, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            var infos = FromSearch(search(new SearchLimits(Time: interval), cancel));
            if (infos.Count > 0) report(infos);
        }
    }
}

/// <summary>
/// A move generator that can also analyse a position continuously (for lz-analyze / kata-analyze): it searches until
/// cancelled and reports the candidate moves about every <c>interval</c>. Called from a background thread while the
/// engine waits for the next input line; the state passed is a private copy.
/// </summary>
public interface IAnalyzer
{
    void Analyze(GoState state, Stone color, TimeSpan interval, Action<IReadOnlyList<AnalysisInfo>> report, CancellationToken cancel);
}
