namespace Sente.Go;

public sealed partial class Board
{
    /// <summary>True when a stone of <paramref name="color"/> on empty <paramref name="point"/> would have no liberty
    /// after its captures (the move captures nothing, has no empty neighbour, and every own neighbour chain is in atari).</summary>
    public bool IsSuicide(Stone color, int point)
    {
        int[] nbr = _g.Neighbors;
        int nb = point * 4, cnt = _g.NeighborCount[point];
        for (int i = 0; i < cnt; i++)
        {
            int n = nbr[nb + i];
            Stone s = _stones[n];
            if (s == Stone.Empty) return false;
            int libs = _libCount[_head[n]];
            if (s == color ? libs > 1 : libs == 1) return false;
        }
        return true;
    }

    /// <summary>True when some orthogonal neighbour of <paramref name="point"/> holds <paramref name="color"/>.</summary>
    public bool HasNeighbor(Stone color, int point)
    {
        foreach (int n in Neighbors(point))
            if (_stones[n] == color) return true;
        return false;
    }

    /// <summary>Number of opponent stones a <paramref name="color"/> stone on empty <paramref name="point"/> would capture.</summary>
    public int CapturesIfPlayed(Stone color, int point)
    {
        Stone opp = color.Opponent();
        int total = 0;
        Span<int> seen = stackalloc int[4];
        int nSeen = 0;
        foreach (int n in Neighbors(point))
        {
            if (_stones[n] != opp) continue;
            int h = _head[n];
            if (_libCount[h] != 1 || seen[..nSeen].Contains(h)) continue;
            seen[nSeen++] = h;
            total += _chainSize[h];
        }
        return total;
    }

    /// <summary>
    /// True when <paramref name="point"/> is empty, every orthogonal neighbour holds <paramref name="color"/>, and the
    /// diagonals do not make it a false eye: at most one opponent diagonal in the centre, none on the edge or in the
    /// corner. This is the random player's "own one-point eye" that it never fills.
    /// </summary>
    public bool IsOnePointEye(Stone color, int point)
    {
        if (_stones[point] != Stone.Empty) return false;
        int[] nbr = _g.Neighbors;
        int nb = point * 4, cnt = _g.NeighborCount[point];
        for (int i = 0; i < cnt; i++)
            if (_stones[nbr[nb + i]] != color) return false;
        Stone opp = (Stone)((byte)color ^ 3);
        int[] dg = _g.Diagonals;
        int dc = _g.DiagonalCount[point];
        int bad = dc < 4 ? 1 : 0; // an edge or corner point tolerates no opponent diagonal
        for (int i = 0; i < dc; i++)
            if (_stones[dg[nb + i]] == opp && ++bad >= 2) return false;
        return true;
    }

    /// <summary>The stone hash after <paramref name="color"/> plays on empty <paramref name="point"/> (captures
    /// applied; a multi-stone suicide removes the own chain), without changing the board. Used for superko.</summary>
    public ulong HashAfter(Stone color, int point)
    {
        Stone opp = color.Opponent();
        ulong h = _hash ^ Zobrist.Key(color, point);
        Span<int> seen = stackalloc int[4];
        int nSeen = 0;
        bool captures = false;
        foreach (int n in Neighbors(point))
        {
            if (_stones[n] != opp) continue;
            int head = _head[n];
            if (_libCount[head] != 1 || seen[..nSeen].Contains(head)) continue;
            seen[nSeen++] = head;
            captures = true;
            h ^= ChainHash(head);
        }
        if (!captures && IsSuicide(color, point))
        {
            h ^= Zobrist.Key(color, point);
            nSeen = 0;
            foreach (int n in Neighbors(point))
            {
                if (_stones[n] != color) continue;
                int head = _head[n];
                if (seen[..nSeen].Contains(head)) continue;
                seen[nSeen++] = head;
                h ^= ChainHash(head);
            }
        }
        return h;
    }

    private ulong ChainHash(int head)
    {
        ulong h = 0;
        int s = head;
        do { h ^= Zobrist.Key(_stones[s], s); s = _next[s]; } while (s != head);
        return h;
    }

    /// <summary>Sets a point for setup (SGF AB/AW/AE, handicap): no captures. Chains, liberties and the hash are
    /// rebuilt; the ko point is cleared.</summary>
    public void SetStone(int point, Stone s)
    {
        if ((uint)point >= (uint)PointCount) throw new ArgumentOutOfRangeException(nameof(point), point, $"not a point of a {Size}x{Size} board");
        if (_stones[point] == s) return;
        _stones[point] = s;
        Rebuild();
    }

    /// <summary>Replaces every stone with <paramref name="stones"/> (length PointCount) and rebuilds chains,
    /// liberties, the empty list and the hash; the ko point is cleared.</summary>
    public void LoadStones(ReadOnlySpan<Stone> stones)
    {
        if (stones.Length != PointCount) throw new ArgumentException($"expected {PointCount} points, got {stones.Length}", nameof(stones));
        stones.CopyTo(_stones);
        Rebuild();
    }

    private void Rebuild()
    {
        int n = PointCount;
        _hash = 0;
        _koPoint = -1;
        _emptyCount = 0;
        int tail = n;
        for (int p = 0; p < n; p++)
        {
            if (_stones[p] == Stone.Empty) { _empty[_emptyCount] = p; _emptyIndex[p] = _emptyCount++; }
            else { _hash ^= Zobrist.Key(_stones[p], p); _empty[--tail] = p; _emptyIndex[p] = tail; }
            _head[p] = -1;
            int e = 0;
            foreach (int m in Neighbors(p))
                if (_stones[m] == Stone.Empty) e++;
            _emptyNeighbors[p] = (byte)e;
        }
        Span<int> stack = n <= 1024 ? stackalloc int[n] : new int[n];
        for (int p = 0; p < n; p++)
        {
            if (_stones[p] == Stone.Empty || _head[p] >= 0) continue;
            Stone c = _stones[p];
            Array.Clear(_libs, p * _words, _words);
            _libCount[p] = 0;
            int top = 0, size = 0, prev = p;
            stack[top++] = p;
            _head[p] = p;
            while (top > 0)
            {
                int s = stack[--top];
                if (s != p) { _next[prev] = s; prev = s; }
                size++;
                foreach (int m in Neighbors(s))
                {
                    if (_stones[m] == Stone.Empty) SetLib(p, m);
                    else if (_stones[m] == c && _head[m] < 0) { _head[m] = p; stack[top++] = m; }
                }
            }
            _next[prev] = p;
            _chainSize[p] = size;
        }
    }

    /// <summary>The board as text, top row first: one line per row, points separated by spaces,
    /// '.' empty, 'X' Black, 'O' White.</summary>
    public string ToAscii()
    {
        var sb = new System.Text.StringBuilder(PointCount * 2 + Size);
        for (int y = Size - 1; y >= 0; y--)
        {
            for (int x = 0; x < Size; x++)
            {
                if (x > 0) sb.Append(' ');
                sb.Append(_stones[y * Size + x].ToChar());
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Parses <see cref="ToAscii"/>-style diagrams (top row first; spaces optional; blank lines ignored;
    /// '.', '+' or '-' empty, 'X'/'x'/'B' Black, 'O'/'o'/'W' White). The board is square with as many rows as given.</summary>
    /// <exception cref="FormatException">Rows of different lengths, a non-square board or an unknown character.</exception>
    public static Board FromAscii(string diagram)
    {
        var rows = new List<string>();
        foreach (string raw in diagram.Split('\n'))
        {
            string row = new(raw.Where(ch => !char.IsWhiteSpace(ch)).ToArray());
            if (row.Length > 0) rows.Add(row);
        }
        int size = rows.Count;
        if (!BoardSizes.IsSupported(size)) throw new FormatException($"a diagram needs {BoardSizes.Range} rows, got {size}");
        var stones = new Stone[size * size];
        for (int r = 0; r < size; r++)
        {
            if (rows[r].Length != size) throw new FormatException($"row {r + 1} has {rows[r].Length} points, expected {size}");
            int y = size - 1 - r;
            for (int x = 0; x < size; x++)
                stones[y * size + x] = rows[r][x] switch
                {
                    '.' or '+' or '-' => Stone.Empty,
                    'X' or 'x' or 'B' or '#' => Stone.Black,
                    'O' or 'o' or 'W' => Stone.White,
                    char ch => throw new FormatException($"unknown character '{ch}' in row {r + 1}"),
                };
        }
        var board = new Board(size);
        board.LoadStones(stones);
        return board;
    }

    /// <summary>Tromp-Taylor area count: each colour's stones plus the empty regions that reach only that colour.</summary>
    public (int Black, int White) AreaCounts()
    {
        int n = PointCount, black = 0, white = 0;
        Span<bool> seen = n <= 1024 ? stackalloc bool[n] : new bool[n];
        Span<int> stack = n <= 1024 ? stackalloc int[n] : new int[n];
        for (int p = 0; p < n; p++)
        {
            Stone s = _stones[p];
            if (s == Stone.Black) { black++; continue; }
            if (s == Stone.White) { white++; continue; }
            if (seen[p]) continue;
            int top = 0, region = 0;
            bool reachesBlack = false, reachesWhite = false;
            stack[top++] = p;
            seen[p] = true;
            while (top > 0)
            {
                int q = stack[--top];
                region++;
                foreach (int m in Neighbors(q))
                {
                    Stone t = _stones[m];
                    if (t == Stone.Black) reachesBlack = true;
                    else if (t == Stone.White) reachesWhite = true;
                    else if (!seen[m]) { seen[m] = true; stack[top++] = m; }
                }
            }
            if (reachesBlack && !reachesWhite) black += region;
            else if (reachesWhite && !reachesBlack) white += region;
        }
        return (black, white);
    }
}
