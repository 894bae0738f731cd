using Sente.Go;

namespace Sente.Gtp.Engine;

/// <summary>Immutable settings of a <see cref="GtpEngine"/>: what `name`/`version` answer, the board the engine
/// starts with and the rules it plays (positional superko, suicide illegal by default: Tromp-Taylor).</summary>
public sealed record GtpEngineOptions
{
    public string Name { get; init; } = "Sente";
    public string Version { get; init; } = typeof(GtpEngineOptions).Assembly.GetName().Version?.ToString(3) ?? "0";
    public int BoardSize { get; init; } = 19;
    public double Komi { get; init; } = 7.5;
    public Rules Rules { get; init; } = Rules.TrompTaylor;
    /// <summary>The largest board `boardsize` accepts (GTP vertices allow 25).</summary>
    public int MaxBoardSize { get; init; } = 25;
}
