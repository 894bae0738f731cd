using Sente.Core;
using Sente.Rl.Environments;

namespace Sente.Rl.Mdp;

/// <summary>
/// A <see cref="TabularMdp"/> played as an environment (the agent sees only samples, not the model): observations
/// are state indices. Episodes start in <c>startState</c>, or uniformly among non-terminal states when it is null,
/// and are truncated after <c>maxSteps</c>. Not thread-safe.
/// </summary>
public sealed class MdpEnvironment : IEnvironment<int>
{
    private readonly TabularMdp _mdp;
    private readonly int? _start;
    private readonly int _maxSteps;
    private Rng _rng;
    private int _state = -1, _steps;

    public MdpEnvironment(TabularMdp mdp, int? startState, int maxSteps = 10_000, ulong seed = 0)
    {
        _mdp = mdp;
        _start = startState;
        _maxSteps = maxSteps;
        _rng = new Rng(seed);
        ObservationSpace = new DiscreteSpace(mdp.NumStates);
        ActionSpace = new DiscreteSpace(mdp.NumActions);
    }

    public TabularMdp Model => _mdp;
    public ISpace ObservationSpace { get; }
    public DiscreteSpace ActionSpace { get; }

    public int Reset(ulong? seed = null)
    {
        if (seed is { } s) _rng = new Rng(s);
        if (_start is { } start) _state = start;
        else
        {
            do _state = _rng.NextInt(_mdp.NumStates); while (_mdp.IsTerminal(_state));
        }
        _steps = 0;
        return _state;
    }

    public StepResult<int> Step(int action)
    {
        if (_state < 0) throw new InvalidOperationException("call Reset before Step (the episode has ended)");
        if (!ActionSpace.Contains(action)) throw new ArgumentOutOfRangeException(nameof(action), action, "not in the action space");
        var outcomes = _mdp.Outcomes(_state, action);
        int i = 0;
        if (outcomes.Length > 1)
        {
            double u = _rng.NextDouble(), acc = 0;
            for (; i < outcomes.Length - 1; i++) { acc += outcomes[i].Probability; if (u < acc) break; }
        }
        var t = outcomes[i];
        _steps++;
        bool terminated = _mdp.IsTerminal(t.NextState);
        bool truncated = !terminated && _steps >= _maxSteps;
        _state = terminated || truncated ? -1 : t.NextState;
        return new StepResult<int>(t.NextState, t.Reward, terminated, truncated);
    }
}
