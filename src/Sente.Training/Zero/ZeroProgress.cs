using Sente.Core;

namespace Sente.Training.Zero;

/// <summary>A progress report of <see cref="ZeroRun"/>: the phase of iteration <paramref name="Iteration"/>, how far it
/// is (<paramref name="Done"/> of <paramref name="Total"/> games or steps) and a one-line summary. The shared
/// <see cref="ProgressReport"/> with the iteration added.</summary>
public sealed record ZeroProgress(int Iteration, string Phase, int Done, int Total, string Message)
    : ProgressReport(Phase, Done, Total, Message);
