using System.Globalization;
using System.Text.Json.Serialization;
using Sente.Core;
using Sente.Go;
using GoRecord = Sente.Go.GameRecord;

namespace Sente.Lee.Stages;

/// <summary>Which positions of each game become value examples.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueMode>))]
public enum ValueMode
{
    /// <summary>The position each generated game marks with its root property VS[k] (the position after k moves:
    /// AlphaGo's s_{U+1} with k = U). One per game, as in the paper.</summary>
    Sampled,
    /// <summary>One position per game, uniformly random among the positions before each move (any SGF with a result).</summary>
    One,
    /// <summary>Every position before each move of every game: the paper's overfitting case (strongly correlated examples).</summary>
    All,
    /// <summary>Every position of each generated game from its VS position to the end: the positions whose outcome
    /// the RL phase decides (with a greedy RL phase, `lee value-data --rl-temperature 0`, a function of the position).
    /// Correlated like <see cref="All"/>, but without the SL phase, whose positions' outcome still hangs on a random
    /// move.</summary>
    FromSample,
}

/// <summary>What a value example's target is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueTarget>))]
public enum ValueTarget
{
    /// <summary>The game's outcome z (+1/-1 for the player to move), from its result RE: AlphaGo's target.</summary>
    Outcome,
    /// <summary>The position's rollout label VR (<see cref="RolloutLabels"/>: the mean of k rollouts), for the player
    /// to move: a distillation of the rollout evaluator. Only labelled positions are used; games need no result.</summary>
    Rollouts,
}

/// <summary>Rules of the modes.</summary>
public static class ValueModes
{
    /// <summary>True for the modes that read each game's VS[k] (generated value data only).</summary>
    public static bool ReadsSample(this ValueMode mode) => mode is ValueMode.Sampled or ValueMode.FromSample;
}

/// <summary>One value example: the position after <see cref="MoveCount"/> moves of game <see cref="Game"/>, and its
/// target <see cref="Z"/> from the point of view of the player to move in that position: the game's outcome (+1 win,
/// -1 loss) or, with <see cref="ValueTarget.Rollouts"/>, the rollout label in [-1, 1].</summary>
public readonly record struct ValueSample(int Game, int MoveCount, float Z);

/// <summary>
/// Data for AlphaGo's value network: (position, outcome) pairs read from SGF collections, split into training and
/// held-out sets by game (never by position, so no game is on both sides; the split depends only on the games and the
/// seed, so every mode holds out the same games). With outcome targets, games without a decisive result (RE[B+..] or
/// RE[W+..]) are skipped and counted; with rollout targets the mode picks among each game's labelled positions only.
/// The held-out set uses the same mode as the training set. Immutable after loading.
/// </summary>
public sealed class ValuePositions
{
    /// <summary>The root property of a generated value-data game: the sampled position is the one after VS moves.</summary>
    public const string SampleProperty = "VS";

    private ValuePositions(int size, ValueMode mode, ValueTarget target, List<GoRecord> games, List<ValueSample> train, List<ValueSample> test, int skipped)
    {
        Size = size;
        Mode = mode;
        Target = target;
        Games = games;
        Train = train;
        Test = test;
        SkippedGames = skipped;
    }

    public int Size { get; }
    public ValueMode Mode { get; }
    public ValueTarget Target { get; }
    /// <summary>The games with a usable result (indices of <see cref="ValueSample.Game"/>).</summary>
    public IReadOnlyList<GoRecord> Games { get; }
    public IReadOnlyList<ValueSample> Train { get; }
    public IReadOnlyList<ValueSample> Test { get; }
    /// <summary>Games of the right size skipped for want of a decisive result (none, draw, void, unknown) with outcome
    /// targets, or for want of any rollout label with rollout targets.</summary>
    public int SkippedGames { get; }

    /// <summary>Groups the held-out split drew from: the games, or fewer when branch games (VG) go with their game.</summary>
    public int SplitGroups { get; private init; }

    /// <summary>Loads every .sgf file at <paramref name="path"/> (a file or a folder, recursively), keeps the games of
    /// board size <paramref name="size"/> with a decisive result and splits them: a fraction
    /// <paramref name="testFraction"/> of the games, chosen with <paramref name="seed"/>, is held out (games with the
    /// same VG in one folder, a labelled game and its branches, as one: <see cref="RolloutLabels"/>).</summary>
    /// <exception cref="InvalidDataException">A file is malformed, a game lacks or has a bad VS in mode
    /// <see cref="ValueMode.Sampled"/> or <see cref="ValueMode.FromSample"/> or a bad VR label (the message names file
    /// and game), or fewer than 2 games are usable.</exception>
    public static ValuePositions Load(string path, int size, ValueMode mode, double testFraction, ulong seed,
        ValueTarget target = ValueTarget.Outcome)
    {
        if (!(testFraction > 0 && testFraction < 1)) throw new ArgumentException($"test fraction must be in (0, 1) (got {testFraction})");
        var games = new List<GoRecord>();
        var sampledAt = new List<int>();
        var labels = new List<(int K, double ForBlack)[]?>(); // with rollout targets: each game's labels, by move count
        var groups = new List<string>(); // the held-out split's unit: the game, or its VG group within its folder
        int skipped = 0;
        foreach (SgfGame read in SgfGames.Read(path, size))
        {
            GoRecord g = read.Game;
            string source = read.Source;
            (int, double)[]? labelled = target == ValueTarget.Rollouts ? Labels(g, source) : null;
            if (target == ValueTarget.Outcome ? Winner(g.Result) == Stone.Empty : labelled!.Length == 0) { skipped++; continue; }
            if (mode.ReadsSample()) sampledAt.Add(SampledMove(g, source));
            games.Add(g);
            labels.Add(labelled);
            groups.Add(g.Properties.TryGetValue(RolloutLabels.GroupProperty, out string? vg) && vg is not null
                ? $"{Path.GetDirectoryName(read.File)}|{vg}"
                : $"#{games.Count}");
        }
        if (games.Count < 2)
            throw new InvalidDataException(target == ValueTarget.Outcome
                ? $"'{path}' holds {games.Count} game(s) of size {size} with a decisive result ({skipped} without); need at least 2"
                : $"'{path}' holds {games.Count} game(s) of size {size} with rollout labels ({skipped} without; label them with sente lee value-label); need at least 2");

        // A game and the branches labelled from it (same VG, same folder) fall on the same side; without VG every game
        // is its own group and the split is the plain split by game.
        var groupIndex = new Dictionary<string, int>();
        int[] groupOf = groups.Select(k => groupIndex.TryGetValue(k, out int i) ? i : groupIndex[k] = groupIndex.Count).ToArray();
        if (groupIndex.Count < 2)
            throw new InvalidDataException($"'{path}': all {games.Count} usable games come from one game (VG) and its branches; need at least 2");
        bool[] groupTest = SgfPositions.HeldOutGames(groupIndex.Count, testFraction, seed);
        bool[] isTest = groupOf.Select(i => groupTest[i]).ToArray();

        var pick = new Rng(seed ^ 0x5DEECE66DUL);
        var train = new List<ValueSample>();
        var test = new List<ValueSample>();
        for (int g = 0; g < games.Count; g++)
        {
            GoRecord game = games[g];
            var into = isTest[g] ? test : train;
            if (labels[g] is { } labelled)
            {
                // Rollout targets: the mode chooses among the labelled positions.
                var from = mode.ReadsSample() ? labelled.Where(l => mode == ValueMode.Sampled ? l.K == sampledAt[g] : l.K >= sampledAt[g]).ToArray() : labelled;
                if (mode is ValueMode.One or ValueMode.Sampled) from = from.Length == 0 ? from : [from[pick.NextInt(from.Length)]];
                foreach (var (k, forBlack) in from)
                    into.Add(new ValueSample(g, k, (float)ForPlayerToMove(game, k, forBlack)));
                continue;
            }
            int positions = Math.Max(1, game.Moves.Count); // positions before each move (the empty game: its start)
            switch (mode)
            {
                case ValueMode.Sampled: into.Add(Sample(game, g, sampledAt[g])); break;
                case ValueMode.One: into.Add(Sample(game, g, pick.NextInt(positions))); break;
                default: // All from the start, FromSample from the sampled position
                    for (int k = mode == ValueMode.FromSample ? sampledAt[g] : 0; k < positions; k++) into.Add(Sample(game, g, k));
                    break;
            }
        }
        return new ValuePositions(size, mode, target, games, train, test, skipped) { SplitGroups = groupIndex.Count };
    }

    /// <summary>The winner a result text names (RE[B+3.5], RE[W+R], ...), or Empty when there is none (draw "0",
    /// "Void", "?", absent).</summary>
    public static Stone Winner(string? result)
    {
        string r = result?.Trim() ?? "";
        if (r.Length < 2 || r[1] != '+') return Stone.Empty;
        return char.ToUpperInvariant(r[0]) switch { 'B' => Stone.Black, 'W' => Stone.White, _ => Stone.Empty };
    }

    /// <summary>The colour to move after the first <paramref name="moveCount"/> moves of <paramref name="game"/>.</summary>
    public static Stone ToMoveAfter(GoRecord game, int moveCount) =>
        moveCount < game.Moves.Count ? game.Moves[moveCount].Color
        : moveCount > 0 ? game.Moves[moveCount - 1].Color.Opponent() : game.FirstToMove;

    /// <summary>A value for Black (a rollout label) turned to the player to move after <paramref name="moveCount"/>
    /// moves (<see cref="ToMoveAfter"/>), the perspective of <see cref="ValueSample.Z"/>.</summary>
    public static double ForPlayerToMove(GoRecord game, int moveCount, double forBlack) =>
        ToMoveAfter(game, moveCount) == Stone.Black ? forBlack : -forBlack;

    /// <summary>The position <paramref name="sample"/> names: its game after its move count, with the colour to move
    /// <see cref="ToMoveAfter"/> gives (the position z is scored for).</summary>
    public GoState StateOf(ValueSample sample)
    {
        GoRecord game = Games[sample.Game];
        GoState state = game.Replay(sample.MoveCount);
        Stone mover = ToMoveAfter(game, sample.MoveCount);
        if (state.ToMove != mover) state.SetToMove(mover);
        return state;
    }

    private static ValueSample Sample(GoRecord game, int index, int moveCount) =>
        new(index, moveCount, ToMoveAfter(game, moveCount) == Winner(game.Result) ? 1f : -1f);

    /// <summary><paramref name="g"/>'s rollout labels (move count, mean result for Black), by move count.</summary>
    private static (int K, double ForBlack)[] Labels(GoRecord g, string source)
    {
        try { return Enumerable.Range(1, g.Moves.Count).Select(k => (k, v: RolloutLabels.LabelOf(g, k))).Where(x => x.v is not null).Select(x => (x.k, x.v!.Value)).ToArray(); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{source}: {e.Message}", e); }
    }

    private static int SampledMove(GoRecord g, string source)
    {
        if (!g.Properties.TryGetValue(SampleProperty, out string? vs) || vs is null)
            throw new InvalidDataException(
                $"{source} has no {SampleProperty}[k] property (the sampled position); mode 'sampled' needs generated value data (sente lee value-data), use mode 'one' or 'all' for other games");
        if (!int.TryParse(vs.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k > g.Moves.Count)
            throw new InvalidDataException(
                $"{source}: {SampleProperty}[{vs}] is not a move count 0..{g.Moves.Count}");
        return k;
    }
}
