namespace Sente.Go;

// Questions about a move without playing it (for feature planes such as AlphaGo's "liberties after move" and
// "self-atari size"): no allocation, the board is not modified.
public sealed partial class Board
{
    /// <summary>The liberties of the chain that a <paramref name="color"/> stone on empty <paramref name="point"/>
    /// would belong to, after its captures (0 for a suicide), and that chain's size in <paramref name="chainSize"/>.</summary>
    public int LibertiesAfter(Stone color, int point, out int chainSize)
    {
        Stone opp = color.Opponent();
        Span<ulong> libs = stackalloc ulong[_words];
        Span<int> own = stackalloc int[4];
        Span<int> captured = stackalloc int[4];
        int nOwn = 0, nCaptured = 0;
        chainSize = 1;
        foreach (int n in Neighbors(point))
        {
            Stone s = _stones[n];
            if (s == Stone.Empty) libs[n >> 6] |= 1UL << n;
            else if (s == color)
            {
                int h = _head[n];
                if (own[..nOwn].Contains(h)) continue;
                own[nOwn++] = h;
                chainSize += _chainSize[h];
                for (int w = 0; w < _words; w++) libs[w] |= _libs[h * _words + w];
            }
            else
            {
                int h = _head[n];
                if (_libCount[h] == 1 && !captured[..nCaptured].Contains(h)) captured[nCaptured++] = h;
            }
        }
        // Captured stones next to the new chain become its liberties.
        for (int c = 0; c < nCaptured; c++)
        {
            int s = captured[c];
            do
            {
                foreach (int m in Neighbors(s))
                    if (m == point || (_stones[m] == color && own[..nOwn].Contains(_head[m])))
                    {
                        libs[s >> 6] |= 1UL << s;
                        break;
                    }
                s = _next[s];
            } while (s != captured[c]);
        }
        libs[point >> 6] &= ~(1UL << point);
        int count = 0;
        foreach (ulong w in libs) count += System.Numerics.BitOperations.PopCount(w);
        return count;
    }
}
