namespace Sente.Go;

/// <summary>
/// A game record as training, matches and GTP loadsgf use it: board size, komi, rules, setup stones, the main-line
/// moves, the result and the other root properties (players, date, comments...). Read with <see cref="Sgf"/>; for
/// full trees with variations use <see cref="SgfNode"/> (<see cref="Sgf.ParseTrees"/>).
/// <para>Round trip: reading a record, writing it and reading it again gives an equal record: root properties not
/// modelled here are kept in <see cref="Properties"/> (single value) or <see cref="ExtraRootProperties"/>, and every
/// move's other node properties (comments, times...) in <see cref="MoveProperties"/>. Variations are not part of a
/// record (<see cref="HadVariations"/> tells when some were left out).</para>
/// Mutable; not thread-safe.
/// </summary>
public sealed partial class GameRecord
{
    /// <summary>Board side (SGF SZ; 19 when absent).</summary>
    public int Size { get; set; } = 19;

    /// <summary>Komi (SGF KM; 0 when absent).</summary>
    public double Komi { get; set; }

    /// <summary>Rules used to replay (from RU: "Chinese", "tromp-taylor", "NZ"...; others read as Tromp-Taylor).</summary>
    public Rules Rules { get; set; } = Rules.TrompTaylor;

    /// <summary>The RU text as read (e.g. "Chinese", "Japanese"), written back when it still maps to <see cref="Rules"/>;
    /// null when absent.</summary>
    public string? RulesText { get; set; }

    /// <summary>Handicap (SGF HA; 0 when absent). The stones themselves are in <see cref="SetupBlack"/>.</summary>
    public int Handicap { get; set; }

    /// <summary>Black setup stones (AB), points y*Size+x.</summary>
    public List<int> SetupBlack { get; } = [];

    /// <summary>White setup stones (AW).</summary>
    public List<int> SetupWhite { get; } = [];

    /// <summary>Points cleared by setup (AE; rare in a root).</summary>
    public List<int> SetupEmpty { get; } = [];

    /// <summary>The colour to move first (PL; otherwise the colour of the first move, or White after handicap stones).</summary>
    public Stone FirstToMove { get; set; } = Stone.Black;

    /// <summary>Main-line moves; a pass has Point == Size*Size.</summary>
    public List<(Stone Color, int Point)> Moves { get; } = [];

    /// <summary>Result (RE): "B+3.5", "W+R", "0", ... or null when absent.</summary>
    public string? Result { get; set; }

    /// <summary>Other single-valued root properties by name, decoded text (PB, PW, DT, GC, C, EV, CA, ...). GM and FF are
    /// not kept: records are always written as GM[1] FF[4].</summary>
    public Dictionary<string, string> Properties { get; } = [];

    /// <summary>Other root properties that have several values or repeat a name (raw values, in order).</summary>
    public List<SgfProperty> ExtraRootProperties { get; } = [];

    /// <summary>For move i, the other properties of its node (C, BL, WL, ...) or null; may be shorter than Moves.</summary>
    public List<List<SgfProperty>?> MoveProperties { get; } = [];

    /// <summary>True when the source tree had variations, which a record leaves out.</summary>
    public bool HadVariations { get; set; }

    /// <summary>Position after the setup and the first <paramref name="moveCount"/> moves, under <see cref="Rules"/>.</summary>
    /// <exception cref="IllegalMoveException">A move is illegal under the rules; the message gives its number.</exception>
    public GoState Replay(int moveCount = int.MaxValue)
    {
        var state = new GoState(Size, Komi, Rules);
        foreach (int p in SetupBlack) state.SetupStone(p, Stone.Black);
        foreach (int p in SetupWhite) state.SetupStone(p, Stone.White);
        foreach (int p in SetupEmpty) state.SetupStone(p, Stone.Empty);
        state.SetToMove(FirstToMove);
        int n = Math.Min(Math.Max(moveCount, 0), Moves.Count);
        for (int i = 0; i < n; i++)
        {
            var (color, point) = Moves[i];
            try
            {
                state.Play(color, point);
            }
            catch (IllegalMoveException e)
            {
                throw new IllegalMoveException(e.Reason, $"move {i + 1}: {e.Message}");
            }
        }
        return state;
    }

    /// <summary>A record of <paramref name="state"/>'s game: its initial position as setup stones, its moves, and
    /// <paramref name="result"/> (e.g. from <see cref="AreaScore.ResultString"/>, "W+R"). Two or more black setup
    /// stones with White moving first are recorded as a handicap (HA).</summary>
    public static GameRecord FromState(GoState state, string? result = null)
    {
        var r = new GameRecord { Size = state.Size, Komi = state.Komi, Rules = state.Rules, Result = result };
        ReadOnlySpan<Stone> initial = state.StonesAgo(state.MoveNumber);
        for (int p = 0; p < initial.Length; p++)
        {
            if (initial[p] == Stone.Black) r.SetupBlack.Add(p);
            else if (initial[p] == Stone.White) r.SetupWhite.Add(p);
        }
        r.Moves.AddRange(state.Moves);
        r.FirstToMove = state.Moves.Count > 0 ? state.Moves[0].Color : state.ToMove;
        // Black stones only, White first: a handicap game.
        if (r.SetupWhite.Count == 0 && r.SetupBlack.Count >= 2 && r.FirstToMove == Stone.White) r.Handicap = r.SetupBlack.Count;
        return r;
    }
}
