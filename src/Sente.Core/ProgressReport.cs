namespace Sente.Core;

/// <summary>
/// One progress report of a long job of the lower layers (training loops, data generation), sent through
/// <see cref="IProgress{T}"/>: how far the current <paramref name="Phase"/> is (<paramref name="Done"/> of
/// <paramref name="Total"/> units: games, steps, iterations; Total 0 when unknown) and a one-line summary for people.
/// Immutable. A job that says more derives from it (the Zero loop's <c>ZeroProgress</c> adds the iteration), so one
/// <c>IProgress&lt;ProgressReport&gt;</c> receives the reports of every job (IProgress is contravariant).
/// </summary>
/// <param name="Phase">What the job is doing now, a short lower-case word or phrase ("self-play", "train").</param>
/// <param name="Message">The summary line; empty when there is nothing to add to the counts.</param>
public record ProgressReport(string Phase, int Done, int Total, string Message = "")
{
    /// <summary>Done / Total in [0, 1]; 0 when Total is not positive.</summary>
    public double Fraction => Total > 0 ? Math.Clamp((double)Done / Total, 0, 1) : 0;
}
