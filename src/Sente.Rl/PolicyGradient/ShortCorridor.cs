using Sente.Core;
using Sente.Rl.Environments;

namespace Sente.Rl.PolicyGradient;

/// <summary>
/// The short corridor with switched actions (Sutton and Barto Example 13.1). States 0, 1, 2 and the goal 3
/// (terminal); -1 per step. Action 1 (right) moves right and action 0 (left) moves left, except in state 1 where
/// they are switched; moving left in state 0 stays. All states look the same to a policy with the features
/// x(s, right) = [1, 0], x(s, left) = [0, 1]. The best stochastic policy has p(right) = 2 - sqrt(2) (value about
/// -11.66). Episodes are truncated after <c>maxSteps</c> (a deterministic policy never reaches the goal).
/// </summary>
public sealed class ShortCorridor(int maxSteps = 10_000) : IEnvironment<int>
{
    public const int Left = 0, Right = 1, Goal = 3;
    private int _state = -1, _steps;

    public ISpace ObservationSpace { get; } = new DiscreteSpace(4);
    public DiscreteSpace ActionSpace { get; } = new(2);

    public int Reset(ulong? seed = null)
    {
        _state = 0;
        _steps = 0;
        return _state;
    }

    public StepResult<int> Step(int action)
    {
        if (_state < 0) throw new InvalidOperationException("call Reset before Step (the episode has ended)");
        if (!ActionSpace.Contains(action)) throw new ArgumentOutOfRangeException(nameof(action), action, "0 = left, 1 = right");
        int move = action == Right ? 1 : -1;
        if (_state == 1) move = -move;
        int next = Math.Max(0, _state + move);
        _steps++;
        bool terminated = next == Goal, truncated = !terminated && _steps >= maxSteps;
        _state = terminated || truncated ? -1 : next;
        return new StepResult<int>(next, -1, terminated, truncated);
    }

    /// <summary>The exact value of the start state when "right" is chosen with probability p (0 &lt; p &lt; 1):
    /// (2p - 4) / (p (1 - p)).</summary>
    public static double Value(double pRight) => (2 * pRight - 4) / (pRight * (1 - pRight));

    /// <summary>The best p(right), 2 - sqrt(2), and its value.</summary>
    public static double OptimalPRight => 2 - Math.Sqrt(2);
}
