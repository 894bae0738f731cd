using Sente.Core.Games;
using Sente.Go;
using Sente.Nn.Models;

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

    /// <summary>Training examples from the GNU Go games (one per game from <paramref name="firstGame"/> on): the position,
    /// the move GNU Go played there (the action index) and the outcome for the player to move (+1 win, -1 loss).</summary>
    public static List<(IGameState State, int Move, float Z)> GoExamples(int count, int seed, int firstGame)
    {
        var games = Games.Value;
        var rng = new Random(seed);
        var list = new List<(IGameState, int, float)>();
        for (int g = firstGame; list.Count < count && g < games.Count; g++)
        {
            var record = games[g];
            Stone winner = Sente.Lee.Stages.ValuePositions.Winner(record.Result);
            if (record.Size != 9 || record.Moves.Count == 0 || winner == Stone.Empty) continue;
            int k = rng.Next(0, record.Moves.Count);
            GoState s = record.Replay(k);
            if (s.IsTerminal) continue;
            list.Add((s, record.Moves[k].Point, record.Moves[k].Color == winner ? 1f : -1f));
        }
        if (list.Count < count) throw new InvalidOperationException($"only {list.Count} examples");
        return list;
    }

    /// <summary>Supervised training of a policy-value network on <paramref name="examples"/> (cross-entropy on the
    /// played move + squared value error; Adam, seeded batches), so that its policy is decisive as a trained net's
    /// is (a random network's priors are nearly flat, and top-1 agreement on them would measure noise). Leaves the
    /// network in eval mode.</summary>
    public static void Train(PolicyValueNet net, Sente.Core.Encoding.IPositionEncoder encoder,
        List<(IGameState State, int Move, float Z)> examples, int steps, int batch = 64, double lr = 3e-3, int seed = 1)
    {
        int size = encoder.Planes * encoder.Height * encoder.Width;
        var input = new float[examples.Count * size];
        for (int i = 0; i < examples.Count; i++) encoder.Encode(examples[i].State, input.AsSpan(i * size, size));
        using var all = tensor(input, new long[] { examples.Count, encoder.Planes, encoder.Height, encoder.Width });
        using var moves = tensor(examples.Select(e => (long)e.Move).ToArray());
        using var z = tensor(examples.Select(e => e.Z).ToArray());
        var g = new Generator((ulong)seed);
        net.train();
        using var opt = new Sente.Nn.Optimizers.Adam(net.parameters(), lr);
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            Tensor idx = randint(examples.Count, new long[] { batch }, generator: g);
            opt.ZeroGrad();
            var (p, v) = net.forward(all.index_select(0, idx));
            Tensor loss = nn.functional.cross_entropy(p, moves.index_select(0, idx)) + nn.functional.mse_loss(v, z.index_select(0, idx));
            loss.backward();
            opt.Step();
        }
        net.eval();
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
    /// affine parameters (running mean ~ N(0, 0.3), running var in [0.5, 2], gamma in [0.5, 1.5],
    /// beta = 0.1 + |N(0, 0.2)|, positive so that a one-channel head's ReLU does not die),
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
