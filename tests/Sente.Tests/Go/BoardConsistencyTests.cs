using Sente.Core;
using Sente.Go;

namespace Sente.Tests.Go;

/// <summary>Random games: the incremental chains, liberties, hash and empty list always equal a from-scratch rebuild,
/// and undo restores every earlier position exactly.</summary>
public class BoardConsistencyTests
{
    [Theory]
    [InlineData(2, 1UL)]
    [InlineData(5, 2UL)]
    [InlineData(9, 3UL)]
    [InlineData(13, 4UL)]
    [InlineData(19, 5UL)]
    [InlineData(25, 6UL)]
    public void IncrementalStateEqualsRebuildAndUndoRestores(int size, ulong seed)
    {
        var rng = new Rng(seed);
        for (int game = 0; game < 3; game++)
        {
            var state = new GoState(size, 7.5, game == 2 ? Rules.NewZealand : Rules.TrompTaylor);
            var hashes = new List<ulong> { state.Board.Hash };
            var texts = new List<string> { state.Board.ToAscii() };
            while (!state.IsTerminal)
            {
                int move = RandomPolicy.SelectMove(state, rng);
                // Occasionally try suicides and eye fills too, through the legality check.
                if (rng.NextInt(4) == 0)
                {
                    int p = rng.NextInt(size * size);
                    if (state.IsLegal(state.ToMove, p)) move = p;
                }
                state.Play(state.ToMove, move);
                AssertConsistent(state.Board);
                hashes.Add(state.Board.Hash);
                texts.Add(state.Board.ToAscii());
            }
            for (int k = 0; k < state.MoveNumber; k++)
                Assert.Equal(texts[^(k + 1)], state.BoardAgo(k).ToAscii());
            while (state.MoveNumber > 0)
            {
                state.Undo();
                AssertConsistent(state.Board);
                Assert.Equal(hashes[state.MoveNumber], state.Board.Hash);
                Assert.Equal(texts[state.MoveNumber], state.Board.ToAscii());
            }
        }
    }

    internal static void AssertConsistent(Board board)
    {
        var fresh = new Board(board.Size);
        fresh.LoadStones(board.Stones);
        Assert.Equal(fresh.Hash, board.Hash);
        Assert.Equal(fresh.EmptyCount, board.EmptyCount);
        var empties = board.EmptyPoints.ToArray().Order().ToArray();
        Assert.Equal(Enumerable.Range(0, board.PointCount).Where(p => board[p] == Stone.Empty), empties);
        var a = new List<int>();
        var b = new List<int>();
        for (int p = 0; p < board.PointCount; p++)
        {
            Assert.Equal(fresh.Liberties(p), board.Liberties(p));
            Assert.Equal(fresh.ChainSize(p), board.ChainSize(p));
            a.Clear(); b.Clear();
            board.ChainStones(p, a);
            fresh.ChainStones(p, b);
            Assert.Equal(b.Order(), a.Order());
            a.Clear(); b.Clear();
            board.ChainLiberties(p, a);
            fresh.ChainLiberties(p, b);
            Assert.Equal(b, a);
            if (board[p] != Stone.Empty) Assert.True(board.Liberties(p) > 0, $"chain without liberty at {Vertex.ToGtp(p, board.Size)}");
        }
    }
}
