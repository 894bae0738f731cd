namespace Sente.Rl.Mdp;

/// <summary>One outcome of taking an action: probability, next state, reward.</summary>
public readonly record struct Transition(double Probability, int NextState, double Reward);

/// <summary>
/// A finite MDP given by its full model p(s', r | s, a) (Sutton and Barto ch. 3-4): states 0..S-1, actions
/// 0..A-1 (every action allowed in every state), a discount, and terminal states (value 0, no transitions used).
/// Immutable after construction; thread-safe to read.
/// </summary>
public sealed class TabularMdp
{
    private readonly Transition[][][] _model; // [state][action] -> outcomes
    private readonly bool[] _terminal;

    /// <param name="model">[state][action] -> outcomes whose probabilities sum to 1 (non-terminal states).</param>
    public TabularMdp(Transition[][][] model, bool[] terminal, double gamma, string[]? actionNames = null)
    {
        if (model.Length != terminal.Length) throw new ArgumentException("one terminal flag per state");
        if (gamma is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(gamma));
        NumStates = model.Length;
        NumActions = model.Length == 0 ? 0 : model[0].Length;
        for (int s = 0; s < NumStates; s++)
        {
            if (model[s].Length != NumActions) throw new ArgumentException($"state {s}: {model[s].Length} actions, expected {NumActions}");
            if (terminal[s]) continue;
            for (int a = 0; a < NumActions; a++)
            {
                double sum = 0;
                foreach (var t in model[s][a])
                {
                    if (t.NextState < 0 || t.NextState >= NumStates) throw new ArgumentException($"state {s} action {a}: next state {t.NextState} out of range");
                    sum += t.Probability;
                }
                if (Math.Abs(sum - 1) > 1e-9) throw new ArgumentException($"state {s} action {a}: probabilities sum to {sum}");
            }
        }
        _model = model;
        _terminal = terminal;
        Gamma = gamma;
        ActionNames = actionNames ?? Enumerable.Range(0, NumActions).Select(a => a.ToString()).ToArray();
    }

    public int NumStates { get; }
    public int NumActions { get; }
    public double Gamma { get; }
    public IReadOnlyList<string> ActionNames { get; }

    public bool IsTerminal(int state) => _terminal[state];

    /// <summary>The outcomes of taking <paramref name="action"/> in <paramref name="state"/>.</summary>
    public ReadOnlySpan<Transition> Outcomes(int state, int action) => _model[state][action];

    /// <summary>The equiprobable random policy: pi[s, a] = 1/A.</summary>
    public double[,] UniformPolicy()
    {
        var pi = new double[NumStates, NumActions];
        for (int s = 0; s < NumStates; s++)
        for (int a = 0; a < NumActions; a++) pi[s, a] = 1.0 / NumActions;
        return pi;
    }

    /// <summary>Expected return of taking <paramref name="action"/> in <paramref name="state"/> and then
    /// following values <paramref name="v"/>: sum over outcomes of p * (r + gamma * v[s']).</summary>
    public double ActionValue(int state, int action, ReadOnlySpan<double> v)
    {
        double q = 0;
        foreach (var t in Outcomes(state, action)) q += t.Probability * (t.Reward + Gamma * v[t.NextState]);
        return q;
    }
}
