using Sente.Core;
using Sente.Go;
using Sente.Nn;

namespace Sente.Lee.Stages;

/// <summary>Settings of games played by AlphaGo policy networks alone (no search). Immutable.</summary>
/// <param name="Size">Board size N.</param>
/// <param name="Komi">Komi added to White's Tromp-Taylor area (7.5 avoids draws).</param>
/// <param name="Temperature">Moves are sampled from softmax(logits / T) over the allowed moves (T = 1: the network's
/// own distribution, as AlphaGo's RL games and its RL-vs-SL evaluation).</param>
/// <param name="Greedy">Play the most probable allowed move instead of sampling (ties: lowest point).</param>
/// <param name="MaxMoves">Move cap (passes included) after which the game is scored as it stands; 0 means 3*N*N.</param>
/// <param name="Device">"cpu" or "cuda[:N]": where the inputs go; the networks must already be on this device.</param>
/// <param name="Rules">Ko and suicide rules (null: Tromp-Taylor, positional superko).</param>
/// <param name="NetworkTemperatures">Optional temperature per network (by its index in the list given to
/// <see cref="PolicyGames.Play"/>; 0 = greedy) that overrides <paramref name="Temperature"/> and
/// <paramref name="Greedy"/> for that network's moves; networks past its end use them. Example: AlphaGo's value-data
/// games with a sharper RL phase.</param>
public sealed record PolicyGameOptions(int Size = 9, double Komi = 7.5, double Temperature = 1.0, bool Greedy = false,
                                       int MaxMoves = 0, string Device = "cpu", Rules? Rules = null,
                                       IReadOnlyList<double>? NetworkTemperatures = null)
{
    /// <summary>The effective move cap.</summary>
    public int Cap => MaxMoves > 0 ? MaxMoves : 3 * Size * Size;

    /// <summary>The temperature of network <paramref name="network"/>'s moves; 0 means greedy.</summary>
    public double TemperatureOf(int network) =>
        NetworkTemperatures is { } t && (uint)network < (uint)t.Count ? t[network] : Greedy ? 0 : Temperature;

    public PolicyGameOptions Validate()
    {
        if (!BoardSizes.IsSupported(Size)) throw new ArgumentException($"board size must be in {BoardSizes.Range} (got {Size})");
        if (!(Temperature > 0) || double.IsInfinity(Temperature)) throw new ArgumentException($"temperature must be > 0 (got {Temperature})");
        if (MaxMoves < 0) throw new ArgumentException($"max moves must be >= 0 (got {MaxMoves})");
        foreach (double t in NetworkTemperatures ?? [])
            if (!(t >= 0) || double.IsInfinity(t)) throw new ArgumentException($"a network temperature must be >= 0 (0: greedy; got {t})");
        if (!double.IsFinite(Komi)) throw new ArgumentException($"komi must be finite (got {Komi})");
        if (!DeviceNames.IsValid(Device)) throw new ArgumentException($"device must be {DeviceNames.Expected} (got '{Device}')");
        return this;
    }
}

/// <summary>Which network (an index into the list given to <see cref="PolicyGames.Play"/>) moves at a given ply
/// (0-based move number) for a given colour. Immutable.</summary>
public sealed class PolicyGameSetup(Func<int, Stone, int> networkFor)
{
    /// <summary>The network index for the move at <paramref name="ply"/> by <paramref name="colour"/>.</summary>
    public int NetworkFor(int ply, Stone colour) => networkFor(ply, colour);

    /// <summary>One network plays Black, another (or the same) White, for the whole game.</summary>
    public static PolicyGameSetup ByColour(int black, int white) => new((_, c) => c == Stone.Black ? black : white);

    /// <summary>Network <paramref name="before"/> plays both colours for plies below <paramref name="firstPlyAfter"/>,
    /// network <paramref name="after"/> from there on (the value-data games: SL policy, then RL policy).</summary>
    public static PolicyGameSetup Switch(int before, int after, int firstPlyAfter) =>
        new((ply, _) => ply < firstPlyAfter ? before : after);
}

/// <summary>Replaces a game's next move: return a legal point (or pass, N*N) to play it instead of the network's
/// move, or null to let the network move. <paramref name="state"/> is the live position (do not modify it);
/// <paramref name="rng"/> is the game's own seeded generator. Called once per game per ply, on the caller's thread.</summary>
public delegate int? MoveOverride(int game, GoState state, Rng rng);

/// <summary>One finished game: the moves (points, pass = N*N), the network that chose each move (-1 when a
/// <see cref="MoveOverride"/> chose it), the final Tromp-Taylor score, and whether the move cap ended it.</summary>
public sealed record PolicyGame(int[] Moves, int[] Networks, AreaScore Score, bool Capped)
{
    /// <summary>The outcome z for <paramref name="colour"/>: +1 win, -1 loss, 0 draw (margin exactly 0).</summary>
    public int Z(Stone colour) => Score.Winner == Stone.Empty ? 0 : Score.Winner == colour ? 1 : -1;

    /// <summary>The outcome for the player of network <paramref name="network"/> when it played one colour only:
    /// +1 win, -1 loss, 0 draw or when the network did not play.</summary>
    public int ZFor(int network)
    {
        for (int i = 0; i < Networks.Length; i++)
            if (Networks[i] == network) return Z(i % 2 == 0 ? Stone.Black : Stone.White);
        return 0;
    }
}

/// <summary>
/// The positions where one chosen network moved with a real choice (at least two allowed moves), for REINFORCE and
/// value baselines: AlphaGo's 48 input planes (all of them, from the mover's view, <see cref="PlaneCount"/> x N x N
/// floats per position; a network on fewer planes reads the prefix), the move played, the allowed-move mask the move
/// was sampled under, the game, the mover's colour and, once the games are over, the outcome z for the mover.
/// </summary>
public sealed class PolicySamples(int size)
{
    /// <summary>Planes stored per position (AlphaGo's 48; the value net's colour plane follows from <see cref="Colours"/>).</summary>
    public const int PlaneCount = 48;

    private readonly List<float[]> _planes = [];
    private readonly List<bool[]> _allowed = [];
    private readonly List<int> _actions = [], _games = [];
    private readonly List<Stone> _colours = [];
    private float[] _z = [];

    public int Size { get; } = size;
    public int Count => _actions.Count;

    /// <summary>48 x N x N planes of position i (owned by this object; do not modify).</summary>
    public float[] Planes(int i) => _planes[i];
    /// <summary>N*N + 1 flags: which actions the move was sampled among (legal, not an own one-point eye fill).</summary>
    public bool[] Allowed(int i) => _allowed[i];
    public IReadOnlyList<int> Actions => _actions;
    public IReadOnlyList<int> Games => _games;
    public IReadOnlyList<Stone> Colours => _colours;
    /// <summary>z for the mover of each position (+1 won, -1 lost, 0 draw); filled when the games are over.</summary>
    public IReadOnlyList<float> Outcomes => _z;

    /// <summary>Adds a position (PolicyGames does this for the recorded network; tests and other generators may too).</summary>
    public void Add(float[] planes, bool[] allowed, int action, int game, Stone colour)
    {
        if (planes.Length != PlaneCount * Size * Size || allowed.Length != Size * Size + 1 || (uint)action >= (uint)allowed.Length)
            throw new ArgumentException($"a {Size}x{Size} position needs {PlaneCount * Size * Size} plane floats, {Size * Size + 1} flags and an action below that");
        _planes.Add(planes);
        _allowed.Add(allowed);
        _actions.Add(action);
        _games.Add(game);
        _colours.Add(colour);
    }

    /// <summary>Sets each position's z from the finished game it belongs to (<paramref name="games"/>[Games[i]]).</summary>
    public void SetOutcomes(IReadOnlyList<PolicyGame> games)
    {
        _z = new float[Count];
        for (int i = 0; i < Count; i++) _z[i] = games[_games[i]].Z(_colours[i]);
    }
}

/// <summary>What <see cref="PolicyGames.Play"/> returns: the games in the order of their setups, and the recorded
/// positions (null when no network was recorded).</summary>
public sealed record PolicyGamesResult(IReadOnlyList<PolicyGame> Games, PolicySamples? Samples);
