using Sente.Core.Games;

namespace Sente.Training;

/// <summary>Turns sampled replay positions into AlphaGo Zero training examples (observation, pi, z).</summary>
public static class TrainingExample
{
    /// <summary>Replays <paramref name="sample"/>'s game up to its move and writes the observation (the game's
    /// ObservationShape, player to move's view) and pi (NumActions floats). Returns z in {-1, 0, 1} for the player to
    /// move. Cost: one replay of the game prefix.</summary>
    public static float Write(IGame game, PositionSample sample, Span<float> observation, Span<float> pi)
    {
        SelfPlayRecord record = sample.Game;
        if (record.Game != game.Name) throw new ArgumentException($"TrainingExample: the record is '{record.Game}', not '{game.Name}'");
        if ((uint)sample.MoveIndex >= (uint)record.Moves.Count)
            throw new ArgumentOutOfRangeException(nameof(sample), sample.MoveIndex, $"the game has {record.Moves.Count} moves");
        IGameState s = game.NewInitialState();
        for (int i = 0; i < sample.MoveIndex; i++) s.Apply(record.Moves[i].Action);
        s.WriteObservation(observation);
        record.Moves[sample.MoveIndex].WritePolicy(pi);
        return record.OutcomeFor(s.CurrentPlayer);
    }
}
