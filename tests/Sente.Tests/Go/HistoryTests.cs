using Sente.Core;
using Sente.Go;
using static Sente.Tests.Go.GoTestBoards;

namespace Sente.Tests.Go;

public class HistoryTests
{
    [Fact]
    public void UndoRestoresStonesHashKoCapturesAndMoveNumbers()
    {
        GoState s = State("""
            . . . . .
            . X O . .
            X O . O .
            . X O . .
            . . . . .
            """);
        string before = s.Board.ToAscii();
        ulong hash = s.Board.Hash, position = s.PositionHash;
        s.Play(Stone.Black, V(s, "C3"));            // captures B3: ko
        Assert.Equal(1, s.MoveNumberAt(V(s, "C3")));
        Assert.Equal(-1, s.MoveNumberAt(V(s, "B4"))); // setup stone
        s.Play(Stone.White, V(s, "E1"));
        s.Play(Stone.Black, V(s, "E5"));
        s.Play(Stone.White, V(s, "B3"));            // recapture after the exchange
        Assert.Equal(1, s.Captures(Stone.White));
        Assert.Equal(-1, s.MoveNumberAt(V(s, "C3")));
        Assert.Equal(4, s.MoveNumberAt(V(s, "B3")));
        Assert.Equal(Stone.Black, s.BoardAgo(1)[V(s, "C3")]);
        Assert.Equal(Stone.Empty, s.StonesAgo(4)[V(s, "C3")]);
        Assert.Equal(Stone.Empty, s.StonesAgo(99)[V(s, "C3")]);

        s.Undo();
        Assert.Equal(1, s.MoveNumberAt(V(s, "C3")));
        Assert.Equal(0, s.Captures(Stone.White));
        s.Undo();
        s.Undo();
        Assert.False(s.IsLegal(Stone.White, V(s, "B3"), out string reason)); // the ko is back
        Assert.Equal("ko", reason);
        s.Undo();
        Assert.Equal(before, s.Board.ToAscii());
        Assert.Equal(hash, s.Board.Hash);
        Assert.Equal(position, s.PositionHash);
        Assert.Equal(0, s.Captures(Stone.Black));
        Assert.Equal(Stone.Black, s.ToMove);
        Assert.Throws<InvalidOperationException>(() => s.Undo());
    }

    [Fact]
    public void PassesEndTheGameAndUndoReopensIt()
    {
        var s = new GoState(9, 7.5, Rules.TrompTaylor);
        s.Play(Stone.Black, s.Pass);
        Assert.Equal(1, s.ConsecutivePasses);
        s.Play(Stone.White, s.Pass);
        Assert.True(s.IsTerminal);
        Assert.Equal(-1.0, s.Returns(0));
        s.Undo();
        Assert.False(s.IsTerminal);
        Assert.Equal(1, s.ConsecutivePasses);
        Assert.Equal(Stone.White, s.ToMove);
    }

    [Fact]
    public void ClonesAreIndependent()
    {
        var s = new GoState(9, 7.5, Rules.TrompTaylor);
        s.Play(Stone.Black, 40);
        GoState c = s.Clone();
        c.Play(Stone.White, 41);
        c.Undo();
        c.Undo();
        Assert.Equal(Stone.Black, s.Board[40]);
        Assert.Equal(1, s.MoveNumber);
        Assert.Equal(Stone.Empty, c.Board[40]);
    }

    [Fact]
    public void PlayoutCandidateTestAgreesWithEyeAndSuicideChecks()
    {
        var rng = new Rng(99);
        for (int game = 0; game < 20; game++)
        {
            var s = new GoState(7, 7.5, Rules.TrompTaylor);
            while (!s.IsTerminal)
            {
                foreach (Stone c in new[] { Stone.Black, Stone.White })
                    for (int p = 0; p < s.Pass; p++)
                        if (s.Board[p] == Stone.Empty)
                            Assert.Equal(!s.Board.IsOnePointEye(c, p) && !s.Board.IsSuicide(c, p), s.Board.IsPlayoutCandidate(c, p));
                s.Play(s.ToMove, RandomPolicy.SelectMove(s, rng));
            }
        }
    }

    [Fact]
    public void RandomPolicyIsUniformOverAcceptableMoves()
    {
        // Empty 3x3 board: 9 acceptable points, each chosen about 1/9 of the time.
        var s = new GoState(3, 0.5, Rules.TrompTaylor);
        var rng = new Rng(5);
        var counts = new int[10];
        for (int i = 0; i < 9000; i++) counts[RandomPolicy.SelectMove(s, rng)]++;
        Assert.Equal(0, counts[9]);
        Assert.All(counts[..9], c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void LibertiesAfterMatchesPlayingTheMove()
    {
        var rng = new Rng(123);
        for (int game = 0; game < 10; game++)
        {
            var s = new GoState(7, 7.5, Rules.TrompTaylor);
            while (!s.IsTerminal)
            {
                foreach (Stone c in new[] { Stone.Black, Stone.White })
                    for (int p = 0; p < s.Pass; p++)
                    {
                        if (s.Board[p] != Stone.Empty) continue;
                        int libs = s.Board.LibertiesAfter(c, p, out int size);
                        if (s.Board.IsSuicide(c, p)) { Assert.Equal(0, libs); continue; }
                        Board b = s.Board.Clone();
                        b.Place(c, p);
                        Assert.Equal(b.Liberties(p), libs);
                        Assert.Equal(b.ChainSize(p), size);
                    }
                s.Play(s.ToMove, RandomPolicy.SelectMove(s, rng));
            }
        }
    }

    [Fact]
    public void WithKomiAndWithRulesReplayTheGame()
    {
        var s = new GoState(9, 7.5, Rules.TrompTaylor);
        s.PlaceFixedHandicap(2);
        s.Play(Stone.White, 40);
        s.Play(Stone.Black, 41);
        s.Play(Stone.White, s.Pass);
        GoState k = s.WithKomi(0.5);
        Assert.Equal(0.5, k.Komi);
        Assert.Equal(s.Board.ToAscii(), k.Board.ToAscii());
        Assert.Equal(s.Moves, k.Moves);
        Assert.Equal(s.ToMove, k.ToMove);
        Assert.Equal(s.ConsecutivePasses, k.ConsecutivePasses);
        Assert.Equal(s.PositionHash, k.PositionHash);
        k.Undo();
        k.Undo();
        k.Undo();
        Assert.Equal(Stone.White, k.ToMove);
        Assert.Equal(2, k.Board.Stones.ToArray().Count(x => x == Stone.Black));
        Assert.Equal(Rules.SimpleKo, s.WithRules(Rules.SimpleKo).Rules);
    }
}
