namespace Sente.Rl.Environments;

/// <summary>The result of one environment step (Gymnasium's step tuple).</summary>
/// <param name="Observation">The observation after the step.</param>
/// <param name="Reward">The reward for the step just taken.</param>
/// <param name="Terminated">The episode reached a terminal state of the MDP (no bootstrapping from it).</param>
/// <param name="Truncated">The episode was cut off by a time limit (the state is not terminal).</param>
public readonly record struct StepResult<TObs>(TObs Observation, double Reward, bool Terminated, bool Truncated)
{
    public bool Done => Terminated || Truncated;
}

/// <summary>
/// An episodic environment with discrete actions, in the spirit of Gymnasium: <see cref="Reset"/> starts an
/// episode (optionally reseeding the environment's generator), <see cref="Step"/> advances it. Stepping after the
/// episode ended, or with an action outside <see cref="ActionSpace"/>, throws. Not thread-safe.
/// </summary>
public interface IEnvironment<TObs>
{
    ISpace ObservationSpace { get; }
    DiscreteSpace ActionSpace { get; }

    /// <summary>Starts an episode. With a seed, the environment's generator is reseeded first (reproducible).</summary>
    TObs Reset(ulong? seed = null);

    /// <summary>Applies <paramref name="action"/>.</summary>
    StepResult<TObs> Step(int action);
}
