using System.Globalization;
using System.Text.RegularExpressions;
using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Go;
using Sente.Search;
using Sente.Search.Apv;
using GoRecord = Sente.Go.GameRecord;

namespace Sente.Lee.Stages;

/// <summary>Settings of rollout labelling. Immutable.</summary>
/// <param name="Rollouts">Rollouts averaged per position (the label's noise falls as 1/sqrt of it).</param>
/// <param name="PerGame">Positions labelled per game, drawn at random among those after <see cref="FromMove"/>; 0
/// labels every one.</param>
/// <param name="FromMove">First position labelled: the one after this many moves (at least 1; the empty board is not
/// labelled).</param>
/// <param name="ChunkGames">Games per output file (each written atomically).</param>
/// <param name="Threads">Games labelled in parallel (0: one per core). The labels do not depend on it.</param>
/// <param name="Branches">Side positions per labelled position: from it, 1 to <see cref="BranchDepth"/> moves drawn
/// from the rollout policy, the position they reach labelled like the others and written as a game of its own (the
/// game's moves up to the labelled position, then the branch's). They stand in for the positions a tree search
/// visits off the game's line. 0: none (the output then holds only the labelled copies of the input games).</param>
/// <param name="BranchDepth">Most moves of a branch (its length is uniform in 1..this).</param>
/// <param name="Search">0: the label is the mean of <see cref="Rollouts"/> rollouts. Above 0: the label is the root
/// value of a rollouts-only APV-MCTS (lambda 1, <see cref="ApvOptions"/>' other defaults) of this many simulations
/// from the position, with priors from the evaluator passed to <see cref="RolloutLabels.Run"/>: a search-improved
/// target (the mean over the search's simulations, most of them through its best moves) instead of the rollout
/// policy's own value.</param>
public sealed record RolloutLabelOptions(int Size = 9, int Rollouts = 32, int PerGame = 0, int FromMove = 1,
                                         int ChunkGames = 256, ulong Seed = 1, int Threads = 0, int MaxRolloutMoves = 1000,
                                         int Branches = 0, int BranchDepth = 4, int Search = 0)
{
    public RolloutLabelOptions Validate()
    {
        if (Rollouts < 1) throw new ArgumentException($"rollouts must be >= 1 (got {Rollouts})");
        if (PerGame < 0) throw new ArgumentException($"positions per game must be >= 0 (got {PerGame})");
        if (FromMove < 1) throw new ArgumentException($"from-move must be >= 1 (got {FromMove})");
        if (ChunkGames < 1 || Threads < 0 || MaxRolloutMoves < 1)
            throw new ArgumentException("chunk size and the rollout cap must be >= 1, threads >= 0");
        if (Branches < 0) throw new ArgumentException($"branches must be >= 0 (got {Branches})");
        if (BranchDepth < 1) throw new ArgumentException($"branch depth must be >= 1 (got {BranchDepth})");
        if (Search < 0) throw new ArgumentException($"search simulations must be >= 0 (got {Search})");
        return this;
    }
}

/// <summary>What a labelling run did: games in the input (of the board size), games labelled by this call, positions
/// labelled by this call (branch positions included), chunks written by this call and chunks already present
/// (skipped).</summary>
public sealed record RolloutLabelSummary(int Games, int GamesLabelled, long PositionsLabelled, int ChunksWritten, int ChunksKept);

/// <summary>
/// Rollout labels for value-network training: for positions of recorded games, the mean result of k rollouts of the
/// rollout policy, a low-noise estimate of the rollout value that APV-MCTS's lambda = 1 leaf evaluation samples once per
/// visit. Distilling it into the value network gives a value target on any position, including positions of search
/// games that have no trustworthy result (games ended by resignation) and positions unlike the value data's.
/// <para>Each game is copied with the private property VR[v] on the node of move k: v in [-1, 1] is the mean rollout
/// result for Black in the position after k moves (with <see cref="RolloutLabelOptions.Search"/>: the root value of
/// a rollouts-only search from it, for Black). Output: labels-FIRST-END.sgf files of
/// <see cref="RolloutLabelOptions.ChunkGames"/> input games (numbers FIRST..END-1 in the input's ordinal file order),
/// written atomically; a rerun keeps the files present and labels the rest (an input that has grown since: its
/// short last chunk is labelled again, whole, and replaces the old file). A game's labels depend only on (seed, its
/// number), not on the threads. The folder's <see cref="LabelStamp"/> (labels.json: the options the labels depend on
/// and the caller's sources, e.g. the rollout weights' hash) makes a rerun with other settings an error. Read them
/// with <see cref="ValuePositions"/> and <see cref="ValueTarget.Rollouts"/>.
/// The rollout policy must be safe to call from several threads.</para>
/// <para>With <see cref="RolloutLabelOptions.Branches"/>, each chunk also holds, after its games, the branch games of
/// its games (in game order), each labelled on its last move only. Every game of such a chunk carries the root property
/// VG[n], n the number of the input game it comes from, so that <see cref="ValuePositions"/> holds out a game and its
/// branches together. A game's main-line labels are the same with and without branches.</para>
/// </summary>
public static partial class RolloutLabels
{
    /// <summary>The move-node property holding the label for Black after that move (the mean rollout result, or the
    /// root value of a labelling search).</summary>
    public const string Property = "VR";

    /// <summary>The root property naming the input game a labelled game or branch comes from (written with branches).</summary>
    public const string GroupProperty = "VG";

    [GeneratedRegex(@"^labels-(\d{6,})-(\d{6,})\.sgf$")]
    private static partial Regex ChunkName();

    /// <summary>Name of the file holding the labelled games number <paramref name="start"/> to <paramref name="end"/> - 1.</summary>
    public static string ChunkFile(int start, int end) => $"labels-{start:D6}-{end:D6}.sgf";

    /// <summary>Labels the games of size <see cref="RolloutLabelOptions.Size"/> in <paramref name="input"/> (an SGF
    /// file or a folder, recursively) into <paramref name="outDirectory"/>.</summary>
    /// <param name="searchPriors">Priors of the labelling search (<see cref="RolloutLabelOptions.Search"/> &gt; 0
    /// only; must accept concurrent calls when several threads label).</param>
    /// <param name="progress">(games done, games in all) after each game; a chunk's games are saved when the whole
    /// chunk is done, so a stopped run resumes from the last finished chunk.</param>
    /// <param name="sources">What the labels come from besides the options (e.g. "rollout" and "search-policy" with
    /// their files' hashes), stamped with them.</param>
    /// <exception cref="InvalidDataException">An input file is malformed or a game has an illegal move (the message
    /// names the file and game), the input has no game of the size, or the output folder holds labels made with other
    /// settings.</exception>
    /// <exception cref="ArgumentException">Bad options, or a search without priors.</exception>
    public static RolloutLabelSummary Run(string input, string outDirectory, IRolloutPolicy rollouts, RolloutLabelOptions options,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancel = default, IEvaluator? searchPriors = null,
        IReadOnlyDictionary<string, string>? sources = null)
    {
        RolloutLabelOptions o = options.Validate();
        if (o.Search > 0 && searchPriors is null) throw new ArgumentException("a labelling search needs a prior evaluator");
        List<SgfGame> games = SgfGames.Read(input, o.Size);
        if (games.Count == 0) throw new InvalidDataException($"'{input}' holds no game of size {o.Size}");
        Directory.CreateDirectory(outDirectory);
        LabelStamp.CheckOrWrite(outDirectory, Settings(o, sources));
        var present = Directory.GetFiles(outDirectory, "labels-*.sgf").Select(f => (File: f, Match: ChunkName().Match(Path.GetFileName(f))))
            .Where(x => x.Match.Success)
            .Select(x => (x.File, Start: int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture), End: int.Parse(x.Match.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        int labelled = 0, written = 0, kept = 0;
        long positions = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Threads > 0 ? o.Threads : Environment.ProcessorCount, CancellationToken = cancel };
        for (int start = 0; start < games.Count; start += o.ChunkGames)
        {
            int end = Math.Min(start + o.ChunkGames, games.Count);
            if (present.Any(p => p.Start == start && p.End == end)) { kept++; progress?.Report((end, games.Count)); continue; }
            var counts = new int[end - start];
            var branches = new List<GoRecord>[end - start];
            int finished = start;
            var gate = new object();
            Parallel.For(start, end, parallel, g =>
            {
                branches[g - start] = [];
                counts[g - start] = Label(games[g].Game, games[g].Source, g, rollouts, o, branches[g - start], searchPriors);
                lock (gate) progress?.Report((++finished, games.Count)); // under the lock: reports never go backwards
            });
            string text = Sgf.WriteCollection(games.Skip(start).Take(end - start).Select(x => x.Game).Concat(branches.SelectMany(b => b)));
            Sgf.WriteFileAtomic(Path.Combine(outDirectory, ChunkFile(start, end)), text);
            // A chunk that was the input's last and short when the input had fewer games is replaced by this one.
            foreach (var stale in present.Where(p => p.Start == start)) File.Delete(stale.File);
            labelled += end - start;
            positions += counts.Sum();
            written++;
        }
        return new RolloutLabelSummary(games.Count, labelled, positions, written, kept);
    }

    /// <summary>The settings the labels depend on (not the threads), as stamped: those of the label kind in use only.</summary>
    private static Dictionary<string, string> Settings(RolloutLabelOptions o, IReadOnlyDictionary<string, string>? sources)
    {
        string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        var s = new Dictionary<string, string>
        {
            ["size"] = I(o.Size), ["per-game"] = I(o.PerGame), ["from-move"] = I(o.FromMove), ["chunk-games"] = I(o.ChunkGames),
            ["seed"] = o.Seed.ToString(CultureInfo.InvariantCulture), ["max-rollout-moves"] = I(o.MaxRolloutMoves),
            ["branches"] = I(o.Branches), ["search"] = I(o.Search),
        };
        if (o.Search == 0) s["rollouts"] = I(o.Rollouts);
        if (o.Branches > 0) s["branch-depth"] = I(o.BranchDepth);
        foreach (var (k, v) in sources ?? new Dictionary<string, string>()) s[k] = v;
        return s;
    }

    /// <summary>Adds VR labels to <paramref name="game"/> (game number <paramref name="number"/> seeds its rollouts);
    /// returns how many positions it labelled, its branches' included. Positions where the game is over are not
    /// labelled (nor drawn, nor branched from; a branch that ends the game is dropped). With
    /// <see cref="RolloutLabelOptions.Branches"/>, the branch games are added to <paramref name="branchGames"/>.</summary>
    public static int Label(GoRecord game, string source, int number, IRolloutPolicy rollouts, RolloutLabelOptions o,
        List<GoRecord>? branchGames = null, IEvaluator? searchPriors = null)
    {
        if (o.Search > 0 && searchPriors is null) throw new ArgumentException("a labelling search needs a prior evaluator");
        ulong seed = o.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)(number + 1) * 0xD1B54A32D192ED03UL;
        var rng = new Rng(seed);
        int last = game.Moves.Count;
        try { if (game.Replay().IsTerminal) last--; } // the final position of a finished game has nothing to label
        catch (IllegalMoveException e) { throw new InvalidDataException($"{source}: {e.Message}", e); }
        var ks = Enumerable.Range(o.FromMove, Math.Max(0, last - o.FromMove + 1)).ToArray();
        if (o.PerGame > 0 && ks.Length > o.PerGame)
        {
            for (int i = 0; i < o.PerGame; i++) { int j = i + rng.NextInt(ks.Length - i); (ks[i], ks[j]) = (ks[j], ks[i]); }
            ks = ks.Take(o.PerGame).Order().ToArray();
        }
        int count = 0;
        foreach (int k in ks)
        {
            GoState state = game.Replay(k);
            Stone mover = ValuePositions.ToMoveAfter(game, k);
            if (state.ToMove != mover) state.SetToMove(mover);
            if (state.IsTerminal) continue;
            SetLabel(game, k, Estimate(state, rollouts, searchPriors, rng, o));
            count++;
            if (o.Branches > 0 && branchGames is not null)
            {
                // Own generator per position: the main-line labels above do not depend on the branches.
                var brng = new Rng(seed ^ (ulong)k * 0xA24BAED4963EE407UL);
                for (int b = 0; b < o.Branches; b++)
                    if (Branch(game, k, state, number, rollouts, searchPriors, o, brng) is { } branch)
                    {
                        branchGames.Add(branch);
                        count++;
                    }
            }
        }
        if (o.Branches > 0) game.Properties[GroupProperty] = number.ToString(CultureInfo.InvariantCulture);
        return count;
    }

    /// <summary>The label for Black of <paramref name="state"/> (not modified): the mean rollout result, or with
    /// <see cref="RolloutLabelOptions.Search"/> the root value of a rollouts-only search.</summary>
    private static double Estimate(GoState state, IRolloutPolicy rollouts, IEvaluator? priors, Rng rng, RolloutLabelOptions o)
    {
        double sign = state.ToMove == Stone.Black ? 1 : -1;
        if (o.Search > 0)
        {
            var search = new ApvMcts(state, priors!, null, rollouts,
                new ApvOptions { Lambda = 1, ReuseTree = false, Seed = rng.NextUInt64(), MaxRolloutMoves = o.MaxRolloutMoves });
            return sign * search.Search(new SearchLimits(Playouts: o.Search)).RootValue;
        }
        double sum = 0;
        for (int r = 0; r < o.Rollouts; r++) sum += rollouts.Rollout(state.Clone(), state.CurrentPlayer, rng, o.MaxRolloutMoves);
        return sign * sum / o.Rollouts;
    }

    /// <summary>A branch of <paramref name="game"/> after <paramref name="k"/> moves (<paramref name="at"/>, not
    /// modified): 1..BranchDepth rollout-policy moves, the last one labelled; null when the branch ends the game.</summary>
    private static GoRecord? Branch(GoRecord game, int k, GoState at, int number, IRolloutPolicy rollouts, IEvaluator? priors,
        RolloutLabelOptions o, Rng rng)
    {
        var state = (GoState)at.Clone();
        var branch = new GoRecord
        {
            Size = game.Size, Komi = game.Komi, Rules = game.Rules, RulesText = game.RulesText, Handicap = game.Handicap, FirstToMove = game.FirstToMove,
        };
        branch.SetupBlack.AddRange(game.SetupBlack);
        branch.SetupWhite.AddRange(game.SetupWhite);
        branch.SetupEmpty.AddRange(game.SetupEmpty);
        branch.Moves.AddRange(game.Moves.Take(k));
        int depth = 1 + rng.NextInt(o.BranchDepth);
        for (int d = 0; d < depth; d++)
        {
            if (state.IsTerminal) return null;
            Stone color = state.ToMove;
            int action = rollouts.ChooseAction(state, rng);
            state.Apply(action);
            branch.Moves.Add((color, action));
        }
        if (state.IsTerminal) return null;
        branch.Properties[GroupProperty] = number.ToString(CultureInfo.InvariantCulture);
        SetLabel(branch, branch.Moves.Count, Estimate(state, rollouts, priors, rng, o));
        return branch;
    }

    /// <summary>The label of the position after <paramref name="moveCount"/> moves (mean rollout result for Black), or
    /// null when it has none.</summary>
    /// <exception cref="InvalidDataException">The VR value is not a number in [-1, 1].</exception>
    public static double? LabelOf(GoRecord game, int moveCount)
    {
        if (moveCount < 1 || moveCount > game.MoveProperties.Count || game.MoveProperties[moveCount - 1] is not { } props) return null;
        SgfProperty? p = props.Find(x => x.Name == Property);
        if (p is null) return null;
        string text = p.Text();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v >= -1 && v <= 1))
            throw new InvalidDataException($"{Property}[{text}] after move {moveCount} is not a number in [-1, 1]");
        return v;
    }

    private static void SetLabel(GoRecord game, int moveCount, double forBlack)
    {
        while (game.MoveProperties.Count < moveCount) game.MoveProperties.Add(null);
        List<SgfProperty> props = game.MoveProperties[moveCount - 1] ??= [];
        props.RemoveAll(x => x.Name == Property);
        double rounded = Math.Round(forBlack, 4) + 0.0; // + 0.0 turns -0 into 0
        props.Add(SgfProperty.FromText(Property, rounded.ToString("0.####", CultureInfo.InvariantCulture)));
    }
}
