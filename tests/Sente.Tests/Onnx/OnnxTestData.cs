using Sente.Core.Games;
using Sente.Go;

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sente.Tests.Onnx;

/// <summary>Real positions and non-trivial normalization statistics for the ONNX tests.</summary>
internal static class OnnxTestData
{
    private static readonly Lazy<List<GameRecord>> Games =
        new(() => Sgf.ReadCollection(File.ReadAllText(RepoPaths.Data("gnugo-9x9/train.sgf"))));

    /// <summary><paramref name="count"/> non-terminal 9x9 positions from the GNU Go games of data/gnugo-9x9/train.sgf:
    /// game g (from <paramref name="firstGame"/> on, one position per game) replayed to a seeded random move.</summary>
    public static List<IGameState> GoPositions(int count, int seed = 5, int firstGame = 0)
    {
        var games = Games.Value;
        var rng = new Random(seed);
        var list = new List<IGameState>();
        for (int g = firstGame; list.Count < count && g < games.Count; g++)
        {
            var record = games[g];
            if (record.Size != 9 || record.Moves.Count == 0) continue;
            GoState s = record.Replay(rng.Next(0, record.Moves.Count));
            if (!s.IsTerminal) list.Add(s);
        }
        if (list.Count < count) throw new InvalidOperationException($"only {list.Count} positions from {games.Count} games");
        return list;
    }

    /// <summary>Seeded random non-terminal positions of a small game (tic-tac-toe, Connect Four).</summary>
    public static List<IGameState> RandomPositions(IGame game, int count, int seed = 3)
    {
        var rng = new Random(seed);
        var legal = new List<int>();
        var list = new List<IGameState>();
        while (list.Count < count)
        {
            var s = game.NewInitialState();
            int moves = rng.Next(0, 6);
            for (int m = 0; m < moves && !s.IsTerminal; m++)
            {
                s.LegalActions(legal);
                s.Apply(legal[rng.Next(legal.Count)]);
            }
            if (!s.IsTerminal) list.Add(s);
        }
        return list;
    }

    /// <summary>Gives every BatchNorm and GroupNorm of <paramref name="module"/> seeded non-trivial statistics and
    /// affine parameters (running mean ~ N(0, 0.3), running var in [0.5, 2], gamma in [0.5, 1.5], beta = 0.1 + |N(0, 0.2)|, positive so that a one-channel head's ReLU does not die),
    /// so that folding them is really tested, and puts the module in eval mode.</summary>
    public static void RandomizeNorms(nn.Module module, long seed = 11)
    {
        var g = new Generator((ulong)seed);
        using var noGrad = no_grad();
        foreach (var (_, m) in module.named_modules())
        {
            if (m is BatchNorm2d bn)
            {
                long c = bn.running_mean!.shape[0];
                bn.running_mean.copy_(randn(c, generator: g) * 0.3f);
                bn.running_var!.copy_(rand(c, generator: g) * 1.5f + 0.5f);
                bn.weight!.copy_(rand(c, generator: g) + 0.5f);
                bn.bias!.copy_(randn(c, generator: g).abs() * 0.2f + 0.1f);
            }
            else if (m is GroupNorm gn)
            {
                long c = gn.weight!.shape[0];
                gn.weight.copy_(rand(c, generator: g) + 0.5f);
                gn.bias!.copy_(randn(c, generator: g).abs() * 0.2f + 0.1f);
            }
        }
        module.eval();
    }
}
