using Sente.Core.Platform;

namespace Sente.Tests;

/// <summary>A fact that needs an external program (e.g. "gnugo", "leelaz"): skipped, with the reason shown,
/// only when the program is not installed (.ci/run installs them).</summary>
public sealed class FactRequiresProgramAttribute : FactAttribute
{
    public FactRequiresProgramAttribute(string program)
    {
        Program = program;
        if (ExecutableLocator.Find(program) is null)
            Skip = $"'{program}' is not installed (Debian: apt-get install {(program == "leelaz" ? "leela-zero" : program)})";
    }

    public string Program { get; }
}

/// <summary>A theory that needs an external program; see <see cref="FactRequiresProgramAttribute"/>.</summary>
public sealed class TheoryRequiresProgramAttribute : TheoryAttribute
{
    public TheoryRequiresProgramAttribute(string program)
    {
        Program = program;
        if (ExecutableLocator.Find(program) is null)
            Skip = $"'{program}' is not installed (Debian: apt-get install {(program == "leelaz" ? "leela-zero" : program)})";
    }

    public string Program { get; }
}
