namespace Sente.Gtp.Match;

/// <summary>Settings of a match between two players (specs as <see cref="Players.PlayerFactory"/> reads them).
/// <see cref="PlayerA"/> is Black in even games (0, 2, ...) and White in odd ones; results are reported from A's
/// side. <see cref="MaxMoves"/> 0 means 4 * Size * Size (then the game is scored as it stands).</summary>
public sealed record MatchOptions(string PlayerA, string PlayerB)
{
    public int Games { get; init; } = 10;
    public int Size { get; init; } = 9;
    public double Komi { get; init; } = 7.5;
    public string? SgfDir { get; init; }
    public ulong Seed { get; init; } = 1;
    public int MaxMoves { get; init; }
    public TimeSpan MoveTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Ask players that know kgs-genmove_cleanup for their moves with it instead of genmove. Games are
    /// scored Tromp-Taylor with no dead-stone removal, so engines must play until dead stones are captured; GNU Go
    /// with plain genmove passes while the opponent's dead stones are still on the board.</summary>
    public bool Cleanup { get; init; } = true;
}
