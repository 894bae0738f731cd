namespace Sente.Go;

/// <summary>What a move would do, computed without playing it (for feature planes and rollout features).</summary>
/// <param name="Captures">Opponent stones it captures.</param>
/// <param name="Liberties">Liberties of the mover's chain containing the new stone after captures.</param>
/// <param name="ChainSize">Stones in that chain (the new stone plus the own chains it joins).</param>
public readonly record struct MoveEffect(int Captures, int Liberties, int ChainSize)
{
    /// <summary>Own stones left in atari by the move (0 unless the resulting chain has exactly one liberty).</summary>
    public int SelfAtariSize => Liberties == 1 ? ChainSize : 0;
}

/// <summary>
/// Exact one-move tactics on a <see cref="Board"/> without changing it: the liberties and size of the chain a move
/// forms, and what it captures. Reuses its scratch arrays: one instance per thread (not thread-safe).
/// </summary>
public sealed class MoveTactics
{
    private readonly int[] mark;
    private int stamp;
    private readonly List<int> stones = new();
    private readonly List<int> captured = new();

    /// <summary>Scratch for boards of up to <paramref name="size"/> x <paramref name="size"/>.</summary>
    public MoveTactics(int size) => mark = new int[size * size];

    /// <summary>The effect of <paramref name="color"/> playing on empty <paramref name="point"/> (suicide gives 0 liberties).</summary>
    public MoveEffect Analyze(Board board, Stone color, int point)
    {
        if (board[point] != Stone.Empty) throw new ArgumentException($"{Vertex.ToGtp(point, board.Size)} is occupied", nameof(point));
        Stone opp = color.Opponent();
        // Stamp 1 marks captured stones, stamp 2 own chain stones, stamp 3 counted liberties.
        int capStamp = NextStamp(), ownStamp = NextStamp(), libStamp = NextStamp();
        captured.Clear();
        stones.Clear();
        stones.Add(point);
        mark[point] = ownStamp;
        int captures = 0;
        foreach (int n in board.Neighbors(point))
        {
            Stone s = board[n];
            if (s == opp && board.Liberties(n) == 1 && mark[n] != capStamp)
            {
                int before = captured.Count;
                board.ChainStones(n, captured);
                for (int i = before; i < captured.Count; i++) mark[captured[i]] = capStamp;
                captures += captured.Count - before;
            }
            else if (s == color && mark[n] != ownStamp)
            {
                int before = stones.Count;
                board.ChainStones(n, stones);
                for (int i = before; i < stones.Count; i++) mark[stones[i]] = ownStamp;
            }
        }
        int libs = 0;
        foreach (int s in stones)
            foreach (int n in board.Neighbors(s))
            {
                if (mark[n] == libStamp || mark[n] == ownStamp) continue;
                if (board[n] == Stone.Empty || mark[n] == capStamp)
                {
                    mark[n] = libStamp;
                    libs++;
                }
            }
        return new MoveEffect(captures, libs, stones.Count);
    }

    private int NextStamp()
    {
        if (++stamp == int.MaxValue)
        {
            Array.Clear(mark);
            stamp = 1;
        }
        return stamp;
    }
}
