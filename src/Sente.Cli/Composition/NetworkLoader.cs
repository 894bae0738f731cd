using Sente.Core.Encoding;
using Sente.Core.Evaluation;
using Sente.Go;
using Sente.Go.Features;
using Sente.Lee.Stages;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using Sente.Training.Zero;
using static TorchSharp.torch;

namespace Sente.Cli.Composition;

/// <summary>
/// The one place the CLI turns a checkpoint file into something that plays: any Sente checkpoint
/// (<see cref="Load"/>), a policy-value network as a search evaluator (<see cref="Evaluator"/>, used by the `mcts`
/// player of gtp/match/tournament, arena's `net:` sides and `bench mcts`) and an AlphaGo policy network
/// (<see cref="Policy"/>). Every load error becomes a <see cref="CliException"/> that names the file. Loading
/// initialises the process's torch runtime once; the returned networks are not thread-safe unless stated.
/// </summary>
public static class NetworkLoader
{
    /// <summary>Loads any Sente checkpoint (CPU).</summary>
    /// <exception cref="CliException">The file is missing or is not a readable Sente checkpoint.</exception>
    public static (nn.Module Model, CheckpointHeader Header) Load(string path)
    {
        if (!File.Exists(path)) throw new CliException($"model '{path}' not found");
        TorchRuntime.InitializeProcess();
        try { return Checkpoint.Load(path); }
        catch (CheckpointException e) { throw new CliException(e.Message); }
    }

    /// <summary>
    /// A policy-value network from <paramref name="path"/> as a search evaluator for <paramref name="game"/>
    /// (null: Go, the board size taken from the network). Go: the encoder follows the network's input planes (17:
    /// AlphaGo Zero, 18: Leela Zero), its board size must be the game's, and the evaluator is wrapped in
    /// <see cref="NoEyeFillEvaluator"/> because Sente's Go networks are trained with searches that never fill their
    /// own eyes (selfplay.no_eye_fill, on by default). Other games: the game's own encoder and evaluator wrapper.
    /// </summary>
    /// <param name="path">A checkpoint written by `sente train` or `sente nn`.</param>
    /// <param name="game">The game binding (<see cref="GameCatalog.For"/>), or null for Go of the network's size.</param>
    /// <param name="symmetry">Random: one of the game's symmetries per evaluation, as AlphaGo Zero's search (falls
    /// back to none when the game has no symmetries); None: as is (benchmarks).</param>
    /// <param name="seed">Seed of the random symmetries.</param>
    /// <param name="device">Torch device: cpu or cuda.</param>
    /// <param name="bf16">Evaluate in bfloat16.</param>
    /// <exception cref="CliException">Missing or corrupt file, another kind of network, or one that does not fit.</exception>
    public static LoadedEvaluator Evaluator(string path, ZeroGameBinding? game = null, SymmetryMode symmetry = SymmetryMode.Random,
                                            ulong seed = 1, string device = "cpu", bool bf16 = false)
    {
        var (module, header) = Load(path);
        if (module is not PolicyValueNet net)
        {
            module.Dispose();
            throw new CliException($"model '{path}' is a {header.Config.Kind} network, not a policy-value network");
        }
        ModelConfig c = header.Config;
        bool go = game is null || game.Game is GoGame;
        IPositionEncoder encoder;
        bool symmetric;
        if (go)
        {
            if (c.Actions is not null || c.Height is not null)
                throw new CliException($"model '{path}' was trained on another game (policy of {c.NumActions} actions)");
            if (game?.Game is GoGame g && g.Size != c.BoardSize)
                throw new CliException($"model '{path}' is for {c.BoardSize}x{c.BoardSize}, the board is {g.Size}x{g.Size}");
            encoder = c.InputPlanes switch
            {
                17 => StoneHistoryEncoder.AlphaGoZero(c.BoardSize),
                18 => StoneHistoryEncoder.LeelaZero18(c.BoardSize),
                _ => throw new CliException($"model '{path}': {c.InputPlanes} input planes is not a Go Zero input (17 or 18)"),
            };
            symmetric = true;
        }
        else
        {
            encoder = game!.Encoder;
            symmetric = game.Symmetry is not null;
        }
        IEvaluator evaluator;
        var options = new TorchEvaluatorOptions(device, bf16, Symmetry: symmetric ? symmetry : SymmetryMode.None, Seed: seed);
        try { evaluator = new TorchEvaluator(net, encoder, options); }
        catch (ArgumentException e) { throw new CliException($"model '{path}' does not fit this game: {e.Message}"); }
        return new LoadedEvaluator(ForSearch(evaluator, game), c, path);
    }

    /// <summary>Wraps a network evaluator as every search of <paramref name="game"/> uses it (Go, also when
    /// <paramref name="game"/> is null: <see cref="NoEyeFillEvaluator"/>; other games: the binding's wrapper).</summary>
    public static IEvaluator ForSearch(IEvaluator network, ZeroGameBinding? game) =>
        game is null || game.Game is GoGame ? new NoEyeFillEvaluator(network)
        : game.WrapEvaluator is { } wrap ? wrap(network) : network;

    /// <summary>An AlphaGo policy network (`sente lee sl` / `lee rl`; CPU, float32), optionally of a given size.</summary>
    /// <exception cref="CliException">Missing, corrupt, another kind of network, or another board size.</exception>
    public static AlphaGoPolicyNet Policy(string path, int? boardSize = null)
    {
        if (!File.Exists(path)) throw new CliException($"model '{path}' not found");
        TorchRuntime.InitializeProcess();
        AlphaGoPolicyNet net;
        try { net = ReinforcePolicy.LoadPolicy(path); }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or CheckpointException)
        {
            throw new CliException($"policy model: {e.Message}");
        }
        if (boardSize is { } n && net.Config.BoardSize != n)
        {
            int m = net.Config.BoardSize;
            net.Dispose();
            throw new CliException($"policy model '{path}' plays {m}x{m}, not {n}x{n}");
        }
        return net;
    }
}
