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
        int games = size <= 9 ? 3 : 1, every = size <= 9 ? 1 : 7;
        for (int game = 0; game < games; game++)
        {
            var state = new GoState(size, 7.5, game == 2 || size > 13 ? Rules.NewZealand : Rules.TrompTaylor);
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
                if (state.MoveNumber % every == 0) AssertConsistent(state.Board);
                hashes.Add(state.Board.Hash);
                texts.Add(state.Board.ToAscii());
            }
            for (int k = 0; k < state.MoveNumber; k++)
                Assert.Equal(texts[^(k + 1)], state.BoardAgo(k).ToAscii());
            while (state.MoveNumber > 0)
            {
                state.Undo();
                if (state.MoveNumber % every == 0) AssertConsistent(state.Board);
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
            // Plain comparisons in the loop (assertion calls are slow); details only on a mismatch.
            if (fresh.Liberties(p) != board.Liberties(p) || fresh.ChainSize(p) != board.ChainSize(p)
                || fresh.EmptyNeighbors(p) != board.EmptyNeighbors(p)
                || (board[p] == Stone.Empty) != (board.ChainId(p) < 0))
                Assert.Fail($"chain data differ at {Vertex.ToGtp(p, board.Size)}:\n{board.ToAscii()}");
            if (board.ChainId(p) != p) continue; // chain lists once per chain
            a.Clear(); b.Clear();
            board.ChainStones(p, a);
            fresh.ChainStones(p, b);
            a.Sort(); b.Sort();
            if (!a.SequenceEqual(b) || a.Any(q => board.ChainId(q) != p))
                Assert.Fail($"chain stones differ at {Vertex.ToGtp(p, board.Size)}");
            a.Clear(); b.Clear();
            board.ChainLiberties(p, a);
            fresh.ChainLiberties(p, b);
            if (!a.SequenceEqual(b) || a.Count == 0) Assert.Fail($"chain liberties differ or none at {Vertex.ToGtp(p, board.Size)}");
        }
    }
}
