using Sente.Go;
using Sente.Gtp.Client;
using Sente.Gtp.Players;
using Xunit.Abstractions;

namespace Sente.Tests.Gtp;

/// <summary>
/// Sente's rules against GNU Go's (`gnugo --mode gtp --chinese-rules --positional-superko`): seeded random games
/// (uniform among legal moves that do not fill an own one-point eye, as Sente's random player chooses them) are
/// played in both side by side. After every move both colours' stones (list_stones) and the legal moves of both
/// colours (all_legal) must agree; at the end Sente's Tromp-Taylor score must equal an independent area count of
/// GNU Go's final board, and GNU Go's final_score when its final_status_list dead is empty (otherwise GNU Go
/// removes stones it judges dead and its score is not a Tromp-Taylor oracle).
/// </summary>
public class GnuGoDifferentialTests(ITestOutputHelper output)
{
    private const string GnuGo = "gnugo --mode gtp --chinese-rules --positional-superko";

    [FactRequiresProgram("gnugo")]
    public void RandomGamesAgreeWithGnuGo()
    {
        // 180 games (~25 s here): 80 on 7x7, 80 on 9x9, 20 on 13x13. Sensitivity check: without
        // --positional-superko GNU Go's all_legal differs from Sente's within these games (simple ko only).
        var stats = new List<string>();
        int mismatches = 0, games = 0;
        foreach (var (size, count) in new[] { (7, 80), (9, 80), (13, 20) })
        {
            var r = PlayGames(size, count, seed: 1000 + (ulong)size);
            mismatches += r.Mismatches.Count;
            games += count;
            stats.Add($"{size}x{size}: {count} games, {r.Moves} moves, {r.ScoreChecks} final_score checks");
            foreach (string m in r.Mismatches.Take(10)) output.WriteLine(m);
        }
        foreach (string s in stats) output.WriteLine(s);
        Assert.True(games >= 100);
        Assert.True(mismatches == 0, $"{mismatches} mismatches with GNU Go; first ones in the test output");
    }

    [Trait("Category", "Slow")]
    [TheoryRequiresProgram("gnugo")]
    [InlineData(7, 300)]
    [InlineData(9, 300)]
    [InlineData(13, 100)]
    [InlineData(19, 20)]
    public void ManyRandomGamesAgreeWithGnuGo(int size, int count)
    {
        var r = PlayGames(size, count, seed: 5000 + (ulong)size);
        output.WriteLine($"{size}x{size}: {count} games, {r.Moves} moves, {r.ScoreChecks} final_score checks");
        foreach (string m in r.Mismatches.Take(20)) output.WriteLine(m);
        Assert.Empty(r.Mismatches);
    }

    private sealed record Result(List<string> Mismatches, int Moves, int ScoreChecks);

    private static Result PlayGames(int size, int count, ulong seed)
    {
        var mismatches = new List<string>();
        int moves = 0, scoreChecks = 0;
        using var gnugo = GtpClient.Start(GnuGo);
        var random = new RandomMoveGenerator(seed);
        for (int game = 0; game < count && mismatches.Count == 0; game++)
        {
            gnugo.BoardSize(size);
            gnugo.ClearBoard();
            gnugo.Komi(7.5);
            var state = new GoState(size, 7.5, Rules.TrompTaylor);
            string where = $"{size}x{size} game {game}";
            Compare(gnugo, state, where + " start", mismatches);
            while (state.ConsecutivePasses < 2 && state.Moves.Count < 4 * size * size && mismatches.Count == 0)
            {
                Stone color = state.ToMove;
                int point = random.GenerateMove(state, color, GtpClock.Unlimited).Point;
                state.Play(color, point);
                moves++;
                string move = $"{where} move {state.Moves.Count} {color.ToLetter()} {Vertex.ToGtp(point, size)}";
                try { gnugo.Play(color, point); }
                catch (GtpCommandFailedException e) { mismatches.Add($"{move}: GNU Go rejects it: {e.Reply}"); break; }
                Compare(gnugo, state, move, mismatches);
            }
            if (mismatches.Count > 0) break;
            if (state.ConsecutivePasses < 2) { mismatches.Add($"{where}: did not end within {4 * size * size} moves"); break; }

            AreaScore ours = state.Score();
            double independent = IndependentAreaMargin(size, gnugo.ListStones(Stone.Black), gnugo.ListStones(Stone.White), 7.5);
            if (Math.Abs(ours.Margin - independent) > 1e-9)
                mismatches.Add($"{where}: Sente scores {ours.ResultString} ({ours.Margin}), independent area count gives {independent}");
            if (gnugo.FinalStatusList("dead").Count == 0)
            {
                scoreChecks++;
                string theirs = gnugo.FinalScore();
                Assert.True(GtpClient.TryParseScore(theirs, out double margin));
                if (Math.Abs(margin - ours.Margin) > 1e-9)
                    mismatches.Add($"{where}: Sente scores {ours.ResultString}, GNU Go final_score {theirs}");
            }
        }
        return new Result(mismatches, moves, scoreChecks);
    }

    private static void Compare(GtpClient gnugo, GoState state, string where, List<string> mismatches)
    {
        int n = state.Size;
        foreach (Stone c in new[] { Stone.Black, Stone.White })
        {
            var ours = new SortedSet<int>(Enumerable.Range(0, n * n).Where(p => state.Board[p] == c));
            SortedSet<int> theirs = gnugo.ListStones(c);
            if (!ours.SetEquals(theirs)) mismatches.Add($"{where}: {c} stones differ: {Diff(ours, theirs, n)}");
            var legalOurs = new SortedSet<int>(Enumerable.Range(0, n * n).Where(p => state.IsLegal(c, p)));
            SortedSet<int> legalTheirs = gnugo.AllLegal(c);
            if (!legalOurs.SetEquals(legalTheirs)) mismatches.Add($"{where}: legal moves of {c} differ: {Diff(legalOurs, legalTheirs, n)}");
        }
    }

    private static string Diff(SortedSet<int> ours, SortedSet<int> theirs, int n) =>
        "only Sente: " + string.Join(' ', ours.Except(theirs).Select(p => Vertex.ToGtp(p, n))) +
        "; only GNU Go: " + string.Join(' ', theirs.Except(ours).Select(p => Vertex.ToGtp(p, n)));

    /// <summary>Area score written independently of Sente.Go: stones plus empty regions (4-connected flood fill)
    /// that touch only one colour; black minus white minus komi.</summary>
    internal static double IndependentAreaMargin(int n, ISet<int> black, ISet<int> white, double komi)
    {
        var seen = new bool[n * n];
        int b = black.Count, w = white.Count;
        var stack = new Stack<int>();
        for (int start = 0; start < n * n; start++)
        {
            if (seen[start] || black.Contains(start) || white.Contains(start)) continue;
            int region = 0;
            bool touchB = false, touchW = false;
            stack.Push(start);
            seen[start] = true;
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                region++;
                int x = p % n, y = p / n;
                foreach (int q in new[] { x > 0 ? p - 1 : -1, x < n - 1 ? p + 1 : -1, y > 0 ? p - n : -1, y < n - 1 ? p + n : -1 })
                {
                    if (q < 0) continue;
                    if (black.Contains(q)) touchB = true;
                    else if (white.Contains(q)) touchW = true;
                    else if (!seen[q]) { seen[q] = true; stack.Push(q); }
                }
            }
            if (touchB && !touchW) b += region;
            else if (touchW && !touchB) w += region;
        }
        return b - w - komi;
    }

    [Fact]
    public void IndependentAreaCountCountsRegionsReachingOneColour()
    {
        // 3x3: black column A, white column C, empty column B touches both -> neutral.
        var black = new HashSet<int> { 0, 3, 6 };
        var white = new HashSet<int> { 2, 5, 8 };
        Assert.Equal(0 - 0.5, IndependentAreaMargin(3, black, white, 0.5), 12);
        // Only black stones: the whole board is black's.
        Assert.Equal(9 - 7.5, IndependentAreaMargin(3, new HashSet<int> { 4 }, new HashSet<int>(), 7.5), 12);
    }
}
