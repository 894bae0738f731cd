using Sente.Core.IO;

namespace Sente.Training.Zero;

/// <summary>
/// The commit protocol of a run directory's phases. A phase writes each output it replaces to <c>NAME.next</c>
/// (<see cref="Staged"/>), then commits by saving state.json with <see cref="RunState.Installs"/> naming those files:
/// that one atomic rename is the instant the phase's result (a new <c>best.ckpt</c> with its generation, gate score
/// and Elo; a trained <c>latest.ckpt</c> with its optimizer state) becomes the run's. <see cref="Install"/> then
/// copies each staged file over its target (atomically) and saves the state without installs; after a kill it is
/// simply done again on resume (idempotent: a staged file already installed is copied again, one already removed
/// was installed). So state.json and the files it describes never disagree. Not thread-safe; one run per folder.
/// </summary>
public static class StagedFiles
{
    /// <summary>The staging path of <paramref name="target"/>.</summary>
    public static string Staged(string target) => target + ".next";

    /// <summary>Installs the staged files <paramref name="state"/> names (relative to <paramref name="dir"/>), saves the
    /// state without them to <paramref name="statePath"/>, then removes the staged files. Returns the saved state.</summary>
    /// <exception cref="InvalidDataException">A staged file is missing while its target is missing too.</exception>
    public static RunState Install(RunState state, string dir, string statePath)
    {
        if (state.Installs is not { Count: > 0 } names) return state;
        foreach (string name in names)
        {
            string target = Path.Combine(dir, name);
            string staged = Staged(target);
            if (File.Exists(staged)) AtomicFile.WriteVia(target, temp => File.Copy(staged, temp));
            else if (!File.Exists(target))
                throw new InvalidDataException($"{statePath}: the committed file {name} is missing and so is {Path.GetFileName(staged)}");
        }
        RunState done = state with { Installs = null };
        done.Save(statePath);
        foreach (string name in names) File.Delete(Staged(Path.Combine(dir, name)));
        return done;
    }
}
