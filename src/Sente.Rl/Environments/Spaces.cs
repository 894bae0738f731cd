namespace Sente.Rl.Environments;

/// <summary>A set of valid observations or actions (Gymnasium's Space).</summary>
public interface ISpace
{
    /// <summary>Short description, e.g. "Discrete(4)" or "Box(4)".</summary>
    string Describe();
}

/// <summary>The integers 0 .. <see cref="N"/>-1.</summary>
public sealed record DiscreteSpace(int N) : ISpace
{
    public bool Contains(int x) => x >= 0 && x < N;
    public string Describe() => $"Discrete({N})";
}

/// <summary>Real vectors with per-coordinate bounds (infinite bounds allowed).</summary>
public sealed record BoxSpace(double[] Low, double[] High) : ISpace
{
    public int Dimension => Low.Length;

    public bool Contains(ReadOnlySpan<double> x)
    {
        if (x.Length != Low.Length) return false;
        for (int i = 0; i < x.Length; i++)
            if (!(x[i] >= Low[i] && x[i] <= High[i])) return false;
        return true;
    }

    public string Describe() => $"Box({Dimension})";
}
