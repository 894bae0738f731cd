using Sente.Games;

namespace Sente.Tests.Games;

public class TicTacToeTests
{
    [Theory]
    [InlineData(new[] { 0, 3, 1, 4, 2 }, 0)]      // top row
    [InlineData(new[] { 1, 0, 4, 3, 8, 6 }, 1)]   // O: left column
    [InlineData(new[] { 0, 1, 4, 2, 8 }, 0)]      // diagonal
    [InlineData(new[] { 2, 0, 4, 1, 6 }, 0)]      // anti-diagonal
    public void DetectsLines(int[] moves, int winner)
    {
        TicTacToeState s = TicTacToe.FromMoves(moves);
        Assert.True(s.IsTerminal);
        Assert.Equal(winner, s.Winner);
        Assert.Equal(1.0, s.Returns(winner));
        Assert.Equal(-1.0, s.Returns(1 - winner));
    }

    [Fact]
    public void FullBoardWithoutLineIsADraw()
    {
        TicTacToeState s = TicTacToe.FromMoves(0, 4, 8, 1, 7, 6, 2, 5, 3);
        Assert.True(s.IsTerminal);
        Assert.Equal(-1, s.Winner);
        Assert.Equal(0.0, s.Returns(0));
        Assert.Equal("XOX\nXOO\nOXX", s.ToString());
    }

    [Fact]
    public void TranspositionsShareAHash()
    {
        Assert.Equal(TicTacToe.FromMoves(0, 4, 8).PositionHash, TicTacToe.FromMoves(8, 4, 0).PositionHash);
        Assert.NotEqual(TicTacToe.FromMoves(0, 4).PositionHash, TicTacToe.FromMoves(4, 0).PositionHash);
    }

    [Fact]
    public void ObservationIsFromThePlayerToMove()
    {
        var obs = new float[27];
        TicTacToe.FromMoves(0).WriteObservation(obs); // O to move: X's stone is the opponent's
        Assert.Equal(0, obs[0]);
        Assert.Equal(1, obs[9]);
        Assert.Equal(0, obs[18]);
        TicTacToe.FromMoves(0, 4).WriteObservation(obs); // X to move
        Assert.Equal(1, obs[0]);
        Assert.Equal(1, obs[9 + 4]);
        Assert.Equal(1, obs[18]);
    }

    [Fact]
    public void SolverKnowsTheGameIsADraw()
    {
        var solver = new MinimaxSolver();
        Assert.Equal(0, solver.Value(TicTacToe.Instance.NewInitialState()));
        Assert.Equal(Enumerable.Range(0, 9), solver.OptimalActions(TicTacToe.Instance.NewInitialState()));
        Assert.InRange(solver.TableSize, 1, 5478 - CountTerminal()); // at most every non-terminal position, once
        // X at a corner, O at an edge: X wins.
        Assert.Equal(1, solver.Value(TicTacToe.FromMoves(0, 1)));
        Assert.Equal(new[] { 2 }, solver.OptimalActions(TicTacToe.FromMoves(0, 3, 1, 4)));
    }

    private static int CountTerminal()
    {
        var seen = new HashSet<ulong>();
        int terminal = 0;
        void Walk(TicTacToeState s)
        {
            if (!seen.Add(s.PositionHash)) return;
            if (s.IsTerminal) { terminal++; return; }
            for (int a = 0; a < 9; a++)
                if (s.IsLegal(a)) { s.Apply(a); Walk(s); s.Undo(); }
        }
        Walk(new TicTacToeState());
        return terminal;
    }

    [Fact]
    public void MinimaxNeverLosesAgainstEveryReply()
    {
        for (int side = 0; side < 2; side++)
            Assert.Equal(0, Oracle.LossesAgainstEveryReply(TicTacToe.Instance, new MinimaxPlayer(1), side));
    }

    [Fact]
    public void OracleCatchesAPlayerThatLoses()
    {
        // The random player loses somewhere in the tree of replies: the oracle must find it.
        Assert.True(Oracle.LossesAgainstEveryReply(TicTacToe.Instance, new RandomPlayer(1), 0) > 0);
    }
}
