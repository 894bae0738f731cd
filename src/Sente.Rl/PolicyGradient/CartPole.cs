using Sente.Core;
using Sente.Rl.Environments;

namespace Sente.Rl.PolicyGradient;

/// <summary>
/// CartPole-v1 with Gymnasium's exact dynamics: state (x, x_dot, theta, theta_dot); action 0 pushes left and 1
/// pushes right with 10 N; explicit Euler with tau = 0.02 s (positions updated with the old velocities). +1 reward
/// on every step including the last; terminated when |x| &gt; 2.4 or |theta| &gt; 12 degrees; truncated after
/// 500 steps; start state uniform in [-0.05, 0.05]^4. Gymnasium returns float32 observations; this class keeps
/// float64. Not thread-safe.
/// </summary>
public sealed class CartPole : IEnvironment<double[]>
{
    public const double Gravity = 9.8, MassCart = 1.0, MassPole = 0.1, TotalMass = MassCart + MassPole;
    public const double HalfLength = 0.5, PoleMassLength = MassPole * HalfLength, ForceMag = 10.0, Tau = 0.02;
    public const double ThetaThreshold = 12 * 2 * Math.PI / 360, XThreshold = 2.4;
    public const int MaxEpisodeSteps = 500;

    private readonly double[] _state = new double[4];
    private readonly int _maxSteps;
    private Rng _rng;
    private int _steps;
    private bool _active;

    public CartPole(ulong seed = 0, int maxSteps = MaxEpisodeSteps)
    {
        _rng = new Rng(seed);
        _maxSteps = maxSteps;
        double big = double.MaxValue;
        ObservationSpace = new BoxSpace([-2 * XThreshold, -big, -2 * ThetaThreshold, -big], [2 * XThreshold, big, 2 * ThetaThreshold, big]);
    }

    public ISpace ObservationSpace { get; }
    public DiscreteSpace ActionSpace { get; } = new(2);

    /// <summary>The current state (a copy).</summary>
    public double[] State => (double[])_state.Clone();

    public double[] Reset(ulong? seed = null)
    {
        if (seed is { } s) _rng = new Rng(s);
        for (int i = 0; i < 4; i++) _state[i] = -0.05 + 0.1 * _rng.NextDouble();
        _steps = 0;
        _active = true;
        return State;
    }

    /// <summary>Starts an episode from a given state (for tests and demonstrations).</summary>
    public void SetState(ReadOnlySpan<double> state)
    {
        if (state.Length != 4) throw new ArgumentException("CartPole state has 4 numbers");
        state.CopyTo(_state);
        _steps = 0;
        _active = true;
    }

    public StepResult<double[]> Step(int action)
    {
        if (!_active) throw new InvalidOperationException("call Reset before Step (the episode has ended)");
        if (!ActionSpace.Contains(action)) throw new ArgumentOutOfRangeException(nameof(action), action, "0 = push left, 1 = push right");
        double x = _state[0], xDot = _state[1], theta = _state[2], thetaDot = _state[3];
        double force = action == 1 ? ForceMag : -ForceMag;
        double cos = Math.Cos(theta), sin = Math.Sin(theta);
        double temp = (force + PoleMassLength * thetaDot * thetaDot * sin) / TotalMass;
        double thetaAcc = (Gravity * sin - cos * temp) / (HalfLength * (4.0 / 3.0 - MassPole * cos * cos / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        x += Tau * xDot;
        xDot += Tau * xAcc;
        theta += Tau * thetaDot;
        thetaDot += Tau * thetaAcc;
        _state[0] = x; _state[1] = xDot; _state[2] = theta; _state[3] = thetaDot;
        _steps++;
        bool terminated = x < -XThreshold || x > XThreshold || theta < -ThetaThreshold || theta > ThetaThreshold;
        bool truncated = !terminated && _steps >= _maxSteps;
        if (terminated || truncated) _active = false;
        return new StepResult<double[]>(State, 1.0, terminated, truncated);
    }
}
