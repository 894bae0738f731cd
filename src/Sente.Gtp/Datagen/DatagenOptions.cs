namespace Sente.Gtp.Datagen;

/// <summary>Settings of self-play data generation with an external GTP engine. <see cref="Output"/> is a folder
/// (one game-NNNNNN.sgf per game) or a file ending in .sgf (one collection, games appended). Each game starts with
/// a uniformly drawn number 0..<see cref="RandomOpening"/> of uniformly random legal moves (recorded in GC: they
/// are not the engine's choices). <see cref="MaxMoves"/> 0 means 4 * Size * Size.</summary>
public sealed record DatagenOptions(string Engine, string Output)
{
    public int Games { get; init; } = 100;
    public int Size { get; init; } = 9;
    public double Komi { get; init; } = 7.5;
    public int RandomOpening { get; init; }
    public ulong Seed { get; init; } = 1;
    public int MaxMoves { get; init; }
    public TimeSpan MoveTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public bool OutputIsFile => Output.EndsWith(".sgf", StringComparison.OrdinalIgnoreCase);
}
