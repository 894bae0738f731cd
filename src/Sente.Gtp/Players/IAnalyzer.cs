using Sente.Go;

namespace Sente.Gtp.Players;

/// <summary>One candidate move of a running analysis. <see cref="Winrate"/>, <see cref="Prior"/> and
/// <see cref="Lcb"/> are probabilities in [0, 1] from the point of view of the analysed colour.</summary>
public sealed record AnalysisInfo(int Point, int Visits, double Winrate, double Prior, double Lcb, int Order, IReadOnlyList<int> Pv);

/// <summary>
/// A move generator that can also analyse a position continuously (for lz-analyze / kata-analyze): it searches until
/// cancelled and reports the candidate moves about every <c>interval</c>. Called from a background thread while the
/// engine waits for the next input line; the state passed is a private copy.
/// </summary>
public interface IAnalyzer
{
    void Analyze(GoState state, Stone color, TimeSpan interval, Action<IReadOnlyList<AnalysisInfo>> report, CancellationToken cancel);
}
