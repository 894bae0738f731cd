using Sente.Gtp.Players;

namespace Sente.Cli;

/// <summary>The internal players `sente gtp --player` and `sente match` ("sente:NAME") know. Later layers add
/// theirs here, one line each.</summary>
public static class SentePlayers
{
    public static MoveGeneratorRegistry CreateRegistry() => new MoveGeneratorRegistry()
        .Add("random", "uniformly random legal move that does not fill an own one-point eye; passes when none is left",
             (args, seed) => args.Length == 0
                 ? new RandomMoveGenerator(seed)
                 : throw new ArgumentException($"player 'random' takes no arguments (got '{args}')"));
}
