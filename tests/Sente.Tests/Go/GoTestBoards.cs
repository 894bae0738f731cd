using Sente.Go;

namespace Sente.Tests.Go;

/// <summary>Positions from ASCII diagrams (top row first, 'X' Black, 'O' White, '.' empty).</summary>
internal static class GoTestBoards
{
    public static GoState State(string diagram, Stone toMove = Stone.Black, Rules? rules = null, double komi = 0.5)
    {
        Board b = Board.FromAscii(diagram);
        var state = new GoState(b.Size, komi, rules ?? Rules.TrompTaylor);
        for (int p = 0; p < b.PointCount; p++)
            if (b[p] != Stone.Empty) state.SetupStone(p, b[p]);
        state.SetToMove(toMove);
        return state;
    }

    public static int V(GoState s, string vertex) => Vertex.Parse(vertex, s.Size);

    public static string Norm(string diagram) => Board.FromAscii(diagram).ToAscii();
}
