using Sente.Go;
using Sente.Gtp;
using Sente.Gtp.Players;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Lee.Stages;

namespace Sente.Cli.Composition;

/// <summary>AlphaGo policy networks (`sente lee sl` / `lee rl` checkpoints) as players without search.</summary>
public static class PolicyNetworks
{
    /// <summary>Loads an AlphaGo policy network (CPU, float32).</summary>
    /// <exception cref="CliException">The file is missing, corrupt or holds another kind of network.</exception>
    public static AlphaGoPolicyNet Load(string path)
    {
        TorchRuntime.InitializeProcess();
        try { return ReinforcePolicy.LoadPolicy(path); }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or CheckpointException)
        {
            throw new CliException($"policy model: {e.Message}");
        }
    }

    /// <summary>The `policy:model=PATH[,temperature=T]` player (T = 1 samples the network's distribution, as the paper's
    /// evaluation of its policy networks; T = 0 plays the most probable move).</summary>
    public static IMoveGenerator Player(string model, double temperature, ulong seed)
    {
        AlphaGoPolicyNet net = Load(model);
        return new PolicyMoveGenerator(new PolicyNetPlayer(net, temperature, seed,
            FormattableString.Invariant($"policy({Path.GetFileName(model)},T={temperature})")));
    }

    /// <summary>GTP adapter: the colour asked for plays on a copy when it is not the side to move.</summary>
    private sealed class PolicyMoveGenerator(PolicyNetPlayer player) : IMoveGenerator
    {
        public string Name => player.Name;

        public bool SupportsBoardSize(int size) => size == player.Size;

        public MoveReply GenerateMove(GoState state, Stone color, GtpClock clock)
        {
            if (color == state.ToMove) return MoveReply.At(player.ChooseMove(state));
            GoState copy = state.Clone();
            copy.SetToMove(color);
            return MoveReply.At(player.ChooseMove(copy));
        }
    }
}
