using System.Globalization;
using Sente.Core;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Nn.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Sente.Lee.Stages;

/// <summary>Settings of AlphaGo's RL policy training. Immutable.</summary>
/// <param name="Iterations">Total iterations (minibatches of games, one update each); a rerun resumes up to this.</param>
/// <param name="Games">n: games per iteration, the current policy playing Black in half of them.</param>
/// <param name="PoolEvery">K: the current policy joins the opponent pool every K iterations (paper: 500).</param>
/// <param name="LearningRate">SGD step size alpha. The gradient sums over all of a game's moves (about 45 per game on
/// 9x9), so steps are far larger than a supervised step of the same rate: 0.003 improved a 9x9 SL net steadily,
/// 0.01 swung up and down.</param>
/// <param name="Momentum">0: plain SGD, as the paper.</param>
/// <param name="Temperature">Softmax temperature of the games and of pi in the gradient (1: the network's own policy).</param>
/// <param name="EvalEvery">E: iterations between evaluations against the SL policy (and the last iteration).</param>
/// <param name="EvalGames">Games per evaluation, colours alternating, both nets sampling their moves (no search).</param>
/// <param name="MaxMoves">Move cap per game (0: 3*N*N).</param>
/// <param name="Threads">libtorch intra-op threads (0: all cores).</param>
public sealed record ReinforcePolicyOptions(
    int Iterations = 200, int Games = 16, int PoolEvery = 20, double LearningRate = 0.003, double Momentum = 0,
    double Temperature = 1, double Komi = 7.5, int EvalEvery = 50, int EvalGames = 100, int MaxMoves = 0,
    ulong Seed = 1, string Device = "cpu", int Threads = 0)
{
    public ReinforcePolicyOptions Validate()
    {
        if (Iterations < 1) throw new ArgumentException($"iterations must be >= 1 (got {Iterations})");
        if (Games < 2) throw new ArgumentException($"games per iteration must be >= 2 (got {Games}): the policy plays both colours");
        if (PoolEvery < 1 || EvalEvery < 1) throw new ArgumentException("pool-every and eval-every must be >= 1");
        if (EvalGames < 1) throw new ArgumentException($"eval games must be >= 1 (got {EvalGames})");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"learning rate must be > 0 (got {LearningRate})");
        if (Momentum is < 0 or >= 1) throw new ArgumentException($"momentum must be in [0, 1) (got {Momentum})");
        GameOptions(9).Validate();
        return this;
    }

    /// <summary>The game settings for an N x N board.</summary>
    public PolicyGameOptions GameOptions(int size) => new(size, Komi, Temperature, Greedy: false, MaxMoves, Device);
}

/// <summary>A measurement of the RL policy: its score (wins + draws / 2) against the SL policy over
/// <see cref="Games"/> games without search, after <see cref="Iteration"/> iterations.</summary>
public sealed record RlEvaluation(int Iteration, double WinRateVsSl, int Games);

/// <summary>
/// AlphaGo's RL policy network (Silver et al. 2016, step 3): starting from the SL policy, each iteration plays a
/// minibatch of n games of the current policy against an opponent drawn uniformly from a pool of earlier policies
/// (the SL policy first; the current one joins every K iterations), the current policy playing each colour in half
/// of them, and applies REINFORCE (<see cref="ReinforceUpdate"/>) with z = +1/-1 and baseline 0 or a value network.
/// <para>Run directory: policy.ckpt (the current policy, training step = iteration), pool/pool-IIIIII.ckpt (pool
/// members, 000000 = the SL policy), optimizer.bin (with momentum), rl-state.json (iteration and the win rates
/// against the SL policy). Everything is written atomically after each iteration; a rerun resumes from the last
/// saved iteration; cancellation stops at the end of the running iteration's games without saving it.
/// Iteration i draws its randomness from (Seed, i) only.</para> Not thread-safe.
/// </summary>
public sealed class ReinforcePolicy(ReinforcePolicyOptions options, string slCheckpoint, string runDirectory,
    string? valueCheckpoint = null, IProgress<(int Iteration, int Total, string Message)>? progress = null)
{
    private readonly ReinforcePolicyOptions _o = options.Validate();

    /// <summary>The content of rl-state.json.</summary>
    public sealed record State(int Iteration, List<RlEvaluation> History);

    public string PolicyPath => Path.Combine(runDirectory, "policy.ckpt");
    public string StatePath => Path.Combine(runDirectory, "rl-state.json");
    private string PoolDirectory => Path.Combine(runDirectory, "pool");
    private string OptimizerPath => Path.Combine(runDirectory, "optimizer.bin");
    private string PoolPath(int iteration) => Path.Combine(PoolDirectory, $"pool-{iteration:D6}.ckpt");

    /// <summary>Loads an AlphaGo policy network from a checkpoint.</summary>
    /// <exception cref="FileNotFoundException">No file.</exception>
    /// <exception cref="CheckpointException">Corrupt file.</exception>
    /// <exception cref="InvalidDataException">Another kind of network.</exception>
    public static AlphaGoPolicyNet LoadPolicy(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no checkpoint at '{path}'", path);
        var (model, header) = Checkpoint.Load(path);
        if (model is AlphaGoPolicyNet net) return net;
        model.Dispose();
        throw new InvalidDataException($"'{path}' holds a {header.Config.Kind} network, not an AlphaGo policy network (train one with `sente lee sl`)");
    }

    /// <summary>Loads an AlphaGo value network (49 planes) for <paramref name="size"/> x <paramref name="size"/>.</summary>
    public static AlphaGoValueNet LoadValue(string path, int size)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no checkpoint at '{path}'", path);
        var (model, header) = Checkpoint.Load(path);
        if (model is AlphaGoValueNet net && header.Config.BoardSize == size && header.Config.InputPlanes == PolicySamples.PlaneCount + 1) return net;
        model.Dispose();
        throw new InvalidDataException($"'{path}' holds a {Checkpoint.Describe(header.Config)} network, not a {size}x{size} AlphaGo value network on {PolicySamples.PlaneCount + 1} planes");
    }

    /// <summary>Trains until <see cref="ReinforcePolicyOptions.Iterations"/> or cancellation; returns the evaluations.</summary>
    public IReadOnlyList<RlEvaluation> Run(CancellationToken cancel = default)
    {
        TorchRuntime.InitializeProcess(intraOpThreads: _o.Threads);
        Device device = torch.device(_o.Device);
        using AlphaGoPolicyNet sl = LoadPolicy(slCheckpoint);
        ModelConfig config = sl.Config;
        int size = config.BoardSize;
        using AlphaGoValueNet? value = valueCheckpoint is null ? null : LoadValue(valueCheckpoint, size);
        Directory.CreateDirectory(PoolDirectory);
        State state = Resume(sl, config);
        // The run's own SL copy is the reference of the evaluations (a resumed run keeps its first SL policy).
        using AlphaGoPolicyNet reference = LoadPolicy(PoolPath(0));
        using var current = (AlphaGoPolicyNet)ModelFactory.Create(config);
        Checkpoint.LoadInto(PolicyPath, current, config);
        current.to(device);
        reference.to(device);
        value?.to(device);
        using var optimizer = new Sgd(current.parameters(), _o.LearningRate, _o.Momentum);
        if (_o.Momentum > 0 && state.Iteration > 0 && File.Exists(OptimizerPath)) optimizer.Load(OptimizerPath);
        PolicyGameOptions games = _o.GameOptions(size);
        AlphaGoPolicyNet? opponent = null;
        string? opponentPath = null;
        try
        {
            while (state.Iteration < _o.Iterations && !cancel.IsCancellationRequested)
            {
                int it = state.Iteration + 1;
                var rng = new Rng(_o.Seed ^ (0x9E3779B97F4A7C15UL * (ulong)it));
                string[] pool = Directory.GetFiles(PoolDirectory, "pool-*.ckpt").Order(StringComparer.Ordinal).ToArray();
                string pick = pool[rng.NextInt(pool.Length)];
                if (pick != opponentPath)
                {
                    opponent?.Dispose();
                    opponent = LoadPolicy(pick);
                    opponent.to(device);
                    opponentPath = pick;
                }
                var setups = Enumerable.Range(0, _o.Games).Select(g => g % 2 == 0 ? PolicyGameSetup.ByColour(0, 1) : PolicyGameSetup.ByColour(1, 0)).ToList();
                PolicyGamesResult played = PolicyGames.Play([current, opponent!], setups, games, rng.NextUInt64(), recordNetwork: 0, cancel: cancel);
                double loss = ReinforceUpdate.Step(current, optimizer, played.Samples!, _o.Games, _o.Temperature, value, device);
                double score = played.Games.Average(g => (g.ZFor(0) + 1) / 2.0);
                if (it % _o.PoolEvery == 0) Checkpoint.Save(PoolPath(it), current, config, it);
                var history = state.History;
                if (it % _o.EvalEvery == 0 || it == _o.Iterations)
                {
                    double w = Evaluate(current, reference, games, _o.EvalGames, _o.Seed ^ 0xE7A1E7A1UL ^ (ulong)it, cancel);
                    history = [.. history.Where(h => h.Iteration < it), new RlEvaluation(it, w, _o.EvalGames)];
                    progress?.Report((it, _o.Iterations, string.Create(CultureInfo.InvariantCulture, $"win rate vs SL {w:P1} over {_o.EvalGames} games")));
                }
                state = new State(it, history);
                Save(current, optimizer, config, state);
                progress?.Report((it, _o.Iterations, string.Create(CultureInfo.InvariantCulture,
                    $"vs {Path.GetFileNameWithoutExtension(pick)}: score {score:P0}, {played.Samples!.Count} moves, loss {loss:0.000}")));
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The running iteration is dropped; the last saved one stands.
        }
        finally
        {
            opponent?.Dispose();
        }
        return state.History;
    }

    /// <summary>The score (wins + draws / 2) of <paramref name="policy"/> against <paramref name="reference"/> over
    /// <paramref name="count"/> games, colours alternating, both sampling at the options' temperature.</summary>
    public static double Evaluate(AlphaGoPolicyNet policy, AlphaGoPolicyNet reference, PolicyGameOptions options, int count,
                                  ulong seed, CancellationToken cancel = default)
    {
        var setups = Enumerable.Range(0, count).Select(g => g % 2 == 0 ? PolicyGameSetup.ByColour(0, 1) : PolicyGameSetup.ByColour(1, 0)).ToList();
        PolicyGamesResult r = PolicyGames.Play([policy, reference], setups, options, seed, cancel: cancel);
        return r.Games.Average(g => (g.ZFor(0) + 1) / 2.0);
    }

    /// <summary>The saved state, or a new run: the SL policy copied as policy.ckpt and as the first pool member.</summary>
    private State Resume(AlphaGoPolicyNet sl, ModelConfig config)
    {
        if (File.Exists(PolicyPath) && File.Exists(StatePath))
        {
            // The checkpoint's step is the truth (it is written after the state file).
            long step = Checkpoint.ReadHeader(PolicyPath).TrainingStep;
            State saved = StageRun.ReadState<State>(StatePath, "RL policy training state");
            if (Checkpoint.ReadHeader(PolicyPath).Config != config)
                throw new InvalidDataException($"{runDirectory} holds a run of another architecture ({Checkpoint.Describe(Checkpoint.ReadHeader(PolicyPath).Config)}) than '{slCheckpoint}' ({Checkpoint.Describe(config)})");
            if (!File.Exists(PoolPath(0))) Checkpoint.Save(PoolPath(0), sl, config, 0);
            return new State((int)step, [.. (saved.History ?? []).Where(h => h.Iteration <= step)]);
        }
        Checkpoint.Save(PoolPath(0), sl, config, 0);
        var fresh = new State(0, []);
        WriteState(fresh);
        Checkpoint.Save(PolicyPath, sl, config, 0);
        return fresh;
    }

    private void Save(AlphaGoPolicyNet current, Sgd optimizer, ModelConfig config, State state)
    {
        if (_o.Momentum > 0)
        {
            optimizer.Save(OptimizerPath);
        }
        WriteState(state);
        var last = state.History.LastOrDefault();
        Checkpoint.Save(PolicyPath, current, config, state.Iteration, last is null ? null
            : new Dictionary<string, string> { ["win_rate_vs_sl"] = last.WinRateVsSl.ToString("0.0000", CultureInfo.InvariantCulture) });
    }

    private void WriteState(State state) => StageRun.WriteState(StatePath, state);
}
