namespace Sente.Go;

/// <summary>A malformed or unsupported SGF text: where (1-based line and column) and what was expected.</summary>
public sealed class SgfException(int line, int column, string problem)
    : FormatException($"SGF line {line}, column {column}: {problem}")
{
    /// <summary>1-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the problem (in characters).</summary>
    public int Column { get; } = column;

    /// <summary>The problem without the position, e.g. "expected ']' to close the value of B".</summary>
    public string Problem { get; } = problem;
}
