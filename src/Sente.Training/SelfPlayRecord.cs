using Sente.Core.Games;

namespace Sente.Training;

/// <summary>
/// One move of a self-play game: the action played and the root visit counts that chose it (the training target
/// pi = visits / sum), stored sparsely (only visited moves). Immutable by convention: do not modify the arrays.
/// </summary>
/// <param name="Action">The action played.</param>
/// <param name="VisitActions">Root moves with at least one visit, ascending.</param>
/// <param name="VisitCounts">Visits of each of <paramref name="VisitActions"/>.</param>
/// <param name="Value">The search's value of the position for the player to move (Q of the best move), in [-1, 1];
/// stored as a half-precision float. Used to calibrate resignation.</param>
public sealed record MoveRecord(int Action, int[] VisitActions, int[] VisitCounts, float Value)
{
    /// <summary>Writes pi (visits normalised to sum 1) into <paramref name="destination"/> (NumActions floats).</summary>
    public void WritePolicy(Span<float> destination)
    {
        destination.Clear();
        long sum = 0;
        foreach (int v in VisitCounts) sum += v;
        if (sum == 0)
        {
            destination[Action] = 1;
            return;
        }
        for (int i = 0; i < VisitActions.Length; i++) destination[VisitActions[i]] = (float)((double)VisitCounts[i] / sum);
    }
}

/// <summary>
/// A finished self-play game: the moves with their search statistics, the outcome and the resignation facts.
/// A plain, serializable record (see <see cref="SelfPlayRecordCodec"/> for the binary form).
/// </summary>
/// <param name="Game">The game's <see cref="IGame.Name"/>.</param>
/// <param name="Seed">The seed the game was played with (for reproduction).</param>
/// <param name="Moves">Moves from the initial position.</param>
/// <param name="Outcome">z for player 0: +1 win, -1 loss, 0 draw (or unfinished at the move cap).</param>
/// <param name="Resigned">The game ended by resignation (the loser, see <see cref="Outcome"/>, resigned).</param>
/// <param name="ResignDisabled">Resignation was disabled in this game to measure false positives.</param>
/// <param name="WouldResignPlayer">In a resign-disabled game: the first player whose value fell below the threshold
/// (-1: nobody). A false positive when that player did not lose.</param>
public sealed record SelfPlayRecord(string Game, ulong Seed, IReadOnlyList<MoveRecord> Moves, int Outcome, bool Resigned,
                                bool ResignDisabled, int WouldResignPlayer)
{
    /// <summary>z for <paramref name="player"/>.</summary>
    public int OutcomeFor(int player) => player == 0 ? Outcome : -Outcome;

    /// <summary>True for a resign-disabled game in which resigning would have been a mistake.</summary>
    public bool IsResignFalsePositive => ResignDisabled && WouldResignPlayer >= 0 && OutcomeFor(WouldResignPlayer) >= 0;

    /// <summary>Replays the game: before each move yields the live state (valid until the next iteration; clone it
    /// to keep it), the move record and z for the player to move.</summary>
    public IEnumerable<(IGameState State, MoveRecord Move, int Z)> Replay(IGame game)
    {
        if (game.Name != Game) throw new ArgumentException($"SelfPlayRecord: recorded for '{Game}', not '{game.Name}'");
        IGameState s = game.NewInitialState();
        foreach (MoveRecord m in Moves)
        {
            yield return (s, m, OutcomeFor(s.CurrentPlayer));
            s.Apply(m.Action);
        }
    }
}
