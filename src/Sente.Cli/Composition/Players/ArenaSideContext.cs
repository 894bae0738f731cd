using Sente.Training.Zero;

namespace Sente.Cli.Composition.Players;

/// <summary>What an arena side is made for: the game, the search budget a side takes when its spec sets none
/// (arena --visits: visits of mcts sides, playouts of uct sides) and the seed of its randomness.</summary>
public sealed record ArenaSideContext(ZeroGameBinding Game, int DefaultVisits, ulong Seed);
