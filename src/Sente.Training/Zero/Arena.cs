using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;
using Sente.Search;

namespace Sente.Training.Zero;

/// <summary>One side of an arena match.</summary>
public abstract record ArenaSide(string Name);

/// <summary>A side that searches with MCTS on an evaluator (a network, random rollouts, ...). Games in which this side
/// is to move are searched in lockstep, so a network evaluator sees batched calls.</summary>
/// <param name="RootFilter">Optional root-move filter (Go: <see cref="NoLosingPassFilter"/>).</param>
public sealed record SearchSide(string Name, IEvaluator Evaluator, SearchLimits Limits, MctsOptions Options,
                                IRootActionFilter? RootFilter = null) : ArenaSide(Name);

/// <summary>A side that is a plain <see cref="IPlayer"/> (random, minimax, one-ply), created per game from a seed.</summary>
public sealed record PlayerSide(string Name, Func<ulong, IPlayer> Create) : ArenaSide(Name);

/// <summary>Wins, losses and draws from the first side's point of view.</summary>
public sealed record ArenaResult(int Wins, int Losses, int Draws)
{
    public int Games => Wins + Losses + Draws;

    /// <summary>Score fraction (a draw counts half); NaN without games.</summary>
    public double Score => Games == 0 ? double.NaN : (Wins + 0.5 * Draws) / Games;
}

/// <summary>A finished arena game.</summary>
/// <param name="Index">The game's number in the match, from 0 (side A is player 0 in even-numbered games).</param>
/// <param name="AIsPlayer0">Whether side A moved first (player 0; Black in Go).</param>
/// <param name="State">The final position, with the game's history where the game keeps one (a Go state's moves).</param>
/// <param name="ReturnForA">+1 when side A won, -1 when it lost, 0 for a draw or a game stopped at the move cap.</param>
/// <param name="Capped">True when the game was stopped at the move cap instead of ending.</param>
/// <param name="Adjudicated">True when the game was stopped because both sides' searches agreed it was decided
/// (<see cref="ReturnForA"/> then gives the side they agreed on; the loser counts as having resigned).</param>
public sealed record ArenaGame(int Index, bool AIsPlayer0, IGameState State, double ReturnForA, bool Capped, bool Adjudicated = false);

/// <summary>
/// Plays matches between two sides on any <see cref="IGame"/>: colours alternate (side A is player 0 in even-numbered
/// games), the first <c>openingMoves</c> moves of each game are sampled in proportion to visits (temperature 1) so
/// that games between deterministic players differ, later moves take the most visited move. Games stop at
/// <c>maxMoves</c> as draws. Deterministic for given seeds and deterministic evaluators.
/// <para>With <c>adjudicate</c> = t, a game also ends when both sides agree it is decided: the side that just moved
/// valued its move below -t and its opponent's last move was valued above +t by the opponent (search sides report
/// their best move's Q, players that are <see cref="IValueReporter"/>s their <c>LastValue</c>); the side below -t
/// loses, as if it had resigned. Agreement of both keeps one side's overconfident evaluator from deciding alone.
/// Sides without values are never adjudicated.</para>
/// <para>All games are played in lockstep, one move of each live game per round, so they tend to end together near
/// the end of the match: <c>onGame</c> reports the score after each finished game, <c>onFinished</c> the game itself
/// (to record it), <c>onMove</c> (moves played per game so far, games still live) each round.</para>
/// </summary>
public static class Arena
{
    public static ArenaResult Play(IGame game, ArenaSide a, ArenaSide b, int games, ulong seed, int openingMoves,
                                   int? maxMoves = null, Action<ArenaResult>? onGame = null, CancellationToken cancel = default,
                                   Action<int, int>? onMove = null, Action<ArenaGame>? onFinished = null, double? adjudicate = null)
    {
        if (adjudicate is { } t && !(t > 0 && t < 1)) throw new ArgumentException($"adjudication threshold must be in (0, 1) (got {t})");
        int cap = maxMoves ?? game.MaxGameLength;
        var live = new List<Match>();
        for (int i = 0; i < games; i++)
        {
            ulong s = new Rng(seed ^ (0xD1B54A32D192ED03UL * (ulong)(i + 1))).NextUInt64();
            live.Add(new Match(i, game.NewInitialState(), aIsPlayer0: i % 2 == 0, new Rng(s), a, b));
        }
        int wins = 0, losses = 0, draws = 0, moves = 0;
        while (live.Count > 0)
        {
            cancel.ThrowIfCancellationRequested();
            var actions = new int[live.Count];
            var values = new double?[live.Count];
            foreach (ArenaSide side in new[] { a, b })
            {
                var idx = Enumerable.Range(0, live.Count).Where(i => live[i].SideToMove == side).ToList();
                if (idx.Count == 0) continue;
                if (side is SearchSide ss)
                {
                    var trees = idx.Select(i => live[i].TreeFor(ss)).ToList();
                    SearchResult[] results = MctsBatch.Search(trees, ss.Evaluator, ss.Limits, 1, cancel);
                    for (int k = 0; k < idx.Count; k++)
                    {
                        Match m = live[idx[k]];
                        actions[idx[k]] = results[k].SampleAction(m.State.MoveNumber < openingMoves ? 1.0 : 0.0, m.Rng);
                        values[idx[k]] = results[k].BestQ;
                    }
                }
                else
                {
                    foreach (int i in idx)
                    {
                        IPlayer player = live[i].PlayerFor((PlayerSide)side);
                        actions[i] = player.ChooseAction(live[i].State);
                        values[i] = (player as IValueReporter)?.LastValue;
                    }
                }
            }
            for (int i = live.Count - 1; i >= 0; i--)
            {
                Match m = live[i];
                bool moverIsA = m.SideToMove == a;
                double? opponentValue = m.LastValue;
                m.Apply(actions[i], values[i]);
                bool decided = !m.State.IsTerminal && adjudicate is { } th && values[i] < -th && opponentValue > th;
                if (!decided && !m.State.IsTerminal && m.State.MoveNumber < cap) continue;
                double r = decided ? (moverIsA ? -1 : 1) : m.State.IsTerminal ? m.State.Returns(m.AIsPlayer0 ? 0 : 1) : 0;
                if (r > 0) wins++; else if (r < 0) losses++; else draws++;
                live.RemoveAt(i);
                onFinished?.Invoke(new ArenaGame(m.Index, m.AIsPlayer0, m.State, r, Capped: !decided && !m.State.IsTerminal, Adjudicated: decided));
                onGame?.Invoke(new ArenaResult(wins, losses, draws));
            }
            onMove?.Invoke(++moves, live.Count);
        }
        return new ArenaResult(wins, losses, draws);
    }

    private sealed class Match(int index, IGameState state, bool aIsPlayer0, Rng rng, ArenaSide a, ArenaSide b)
    {
        public int Index { get; } = index;
        private readonly Dictionary<ArenaSide, Mcts> _trees = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<ArenaSide, IPlayer> _players = new(ReferenceEqualityComparer.Instance);

        public IGameState State { get; } = state;
        public bool AIsPlayer0 { get; } = aIsPlayer0;
        public Rng Rng { get; } = rng;
        public ArenaSide SideToMove => (State.CurrentPlayer == 0) == AIsPlayer0 ? a : b;

        public Mcts TreeFor(SearchSide side)
        {
            if (!_trees.TryGetValue(side, out Mcts? tree))
                _trees[side] = tree = new Mcts(State, side.Evaluator, side.Options with { Seed = Rng.NextUInt64() }, side.RootFilter);
            return tree;
        }

        public IPlayer PlayerFor(PlayerSide side)
        {
            if (!_players.TryGetValue(side, out IPlayer? p)) _players[side] = p = side.Create(Rng.NextUInt64());
            return p;
        }

        /// <summary>The value the last mover gave its move (null when it gave none).</summary>
        public double? LastValue { get; private set; }

        public void Apply(int action, double? moverValue)
        {
            LastValue = moverValue;
            State.Apply(action);
            if (State.IsTerminal) return;
            foreach (Mcts t in _trees.Values) t.Advance(action);
        }
    }
}
