using System.Diagnostics;
using System.Globalization;
using Sente.Charts;
using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Evaluation;
using Sente.Nn.Models;
using Sente.Search;
using TorchSharp;
using Sente.Core.Encoding;
using Sente.Core.IO;
using Sente.Core.Config;

namespace Sente.Training.Zero;

/// <summary>
/// The AlphaGo Zero loop in one process: self-play with the best network -> replay buffer -> SGD on the latest
/// network -> gate (candidate vs best, promote above the threshold) -> evaluation against fixed baselines, repeated.
/// Everything lives in a run directory:
/// <code>
/// config.cfg        effective settings        state.json     progress (phase to run next), metrics history
/// best.ckpt         network that plays self-play           latest.ckpt + optimizer.bin   the learner's state
/// replay/replay.bin crash-safe replay buffer  metrics.csv    one row per iteration
/// games/*.sgf       a sample game per iteration (Go)       charts/*.png   losses, win rates   tb/  TensorBoard
/// </code>
/// Every phase is a transaction (<see cref="StagedFiles"/>): it stages the files it replaces (NAME.next), and its
/// result becomes the run's in one step, the atomic write of state.json that names them; the copies over the old
/// files follow and are redone on resume. A promotion (new best.ckpt, generation, gate score, Elo) is committed before
/// the evaluation games, which only read. So a run killed at any point (kill -9, Ctrl-C) resumes at the phase it was
/// in: self-play continues from the games already in the replay buffer; training, gating and evaluation rerun from
/// their committed inputs with the same seeds and fresh evaluators, giving the result of an uninterrupted run.
/// Not thread-safe; one run per directory.
/// </summary>
public sealed class ZeroRun
{
    private readonly ZeroOptions _o;
    private readonly ZeroGameBinding _g;
    private readonly string _dir;
    private readonly IProgress<ZeroProgress>? _progress;
    private readonly ModelConfig _model;

    public ZeroRun(ZeroOptions options, ZeroGameBinding binding, string runDirectory, IProgress<ZeroProgress>? progress = null)
    {
        _o = options.Validate();
        _g = binding;
        _dir = runDirectory;
        _progress = progress;
        _model = ModelFor(binding, new TrunkConfig(TrunkConfig.ParseKind(_o.Trunk), _o.Blocks, _o.Filters, TrunkConfig.ParseNorm(_o.Norm)));
    }

    /// <summary>The Zero network for a game: Go-shaped (N x N input, N*N + 1 actions) or, for other games, the
    /// encoder's H x W input and the game's action count.</summary>
    public static ModelConfig ModelFor(ZeroGameBinding binding, TrunkConfig trunk)
    {
        var enc = binding.Encoder;
        bool goShaped = enc.Height == enc.Width && binding.Game.NumActions == enc.Height * enc.Width + 1;
        return new ModelConfig(ModelKind.Zero, enc.Height, enc.Planes, trunk,
            Height: goShaped ? null : enc.Height, Width: goShaped ? null : enc.Width,
            Actions: goShaped ? null : binding.Game.NumActions).Validate();
    }

    public string BestPath => Path.Combine(_dir, "best.ckpt");
    private string LatestPath => Path.Combine(_dir, "latest.ckpt");
    private string OptimizerPath => Path.Combine(_dir, "optimizer.bin");
    private string StatePath => Path.Combine(_dir, "state.json");

    /// <summary>The network architecture of this run.</summary>
    public ModelConfig Model => _model;

    /// <summary>Runs iterations until run.iterations or run.minutes is reached or <paramref name="cancel"/> fires
    /// (then it returns after saving; the interrupted phase reruns on resume). Returns the final state. Every input
    /// (run directory, state.json, checkpoints, replay file, device) is checked before anything is written.</summary>
    /// <exception cref="InvalidDataException">A file of the run directory cannot be used (named).</exception>
    /// <exception cref="CheckpointException">A checkpoint cannot be used, or does not match the settings.</exception>
    /// <exception cref="ArgumentException">The run directory or the settings do not fit this run or this build.</exception>
    public async Task<RunState> RunAsync(CancellationToken cancel = default)
    {
        TorchRuntime.InitializeProcess(intraOpThreads: _o.Threads);
        RunState? existing = Preflight();
        Directory.CreateDirectory(_dir);
        Directory.CreateDirectory(Path.Combine(_dir, "games"));
        Directory.CreateDirectory(Path.Combine(_dir, "charts"));
        using var replay = ReplayBuffer.Open(Path.Combine(_dir, "replay"), new ReplayBufferOptions(_o.WindowGames));
        WriteConfig();
        RunState state = existing is null ? StartFresh() : StagedFiles.Install(existing, _dir, StatePath);
        foreach (string notice in replay.OpenNotices) Report(state, "resume", 0, 0, notice);
        var session = Stopwatch.StartNew();
        double elapsedBefore = state.ElapsedSeconds;
        var writer = torch.utils.tensorboard.SummaryWriter(Path.Combine(_dir, "tb"));
        if (state.History.Count > 0 && CsvRows() != state.History.Count) WriteCsvAndCharts(); // killed before the last rows

        while (!cancel.IsCancellationRequested)
        {
            if (_o.Iterations > 0 && state.Iteration >= _o.Iterations) break;
            if (_o.Minutes > 0 && session.Elapsed.TotalMinutes >= _o.Minutes) break;
            var sw = Stopwatch.StartNew();
            double Elapsed() => elapsedBefore + session.Elapsed.TotalSeconds;
            try
            {
                if (state.Phase == RunState.SelfPlay)
                {
                    await SelfPlayAsync(state, replay, cancel);
                    state = Commit(state with { Phase = RunState.Train, ElapsedSeconds = Elapsed(), LastSelfPlaySeconds = sw.Elapsed.TotalSeconds });
                    sw.Restart();
                }
                if (state.Phase == RunState.Train)
                {
                    state = await TrainAsync(state, replay, cancel);
                    state = Commit(state with
                    {
                        Phase = RunState.Gate, ElapsedSeconds = Elapsed(), LastTrainSeconds = sw.Elapsed.TotalSeconds,
                        Installs = ["latest.ckpt", "optimizer.bin"],
                    });
                }
                if (state.Phase == RunState.Gate)
                {
                    state = Commit(Gate(state, cancel) with { Phase = RunState.Evaluate, ElapsedSeconds = Elapsed() });
                }
                if (state.Phase == RunState.Evaluate)
                {
                    IterationMetrics metrics = await EvaluateAsync(state, replay, cancel);
                    state = Commit(state with
                    {
                        Iteration = state.Iteration + 1, Phase = RunState.SelfPlay, ElapsedSeconds = Elapsed(),
                        History = [.. state.History, metrics], LastGateScore = double.NaN, LastPromoted = false,
                    });
                    Log(writer, metrics);
                    Report(state, "done", 1, 1, Summary(metrics));
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // Stopped mid-phase: nothing of the phase was committed, it reruns on resume.
                break;
            }
        }
        return state;
    }

    /// <summary>Saves <paramref name="state"/> (the commit point), then installs the files it names.</summary>
    private RunState Commit(RunState state)
    {
        state.Save(StatePath);
        return StagedFiles.Install(state, _dir, StatePath);
    }

    /// <summary>Checks everything this run will read before anything is written: the run directory is a folder, its
    /// state.json and checkpoints are readable and hold this run's network (not another game's or size's), and the
    /// device exists in this build. Returns the saved state, or null for a new run.</summary>
    private RunState? Preflight()
    {
        if (File.Exists(_dir))
            throw new ArgumentException($"run directory {_dir} is a file, not a folder: give --run-dir a folder (it is created if missing)");
        if (_o.Device.StartsWith("cuda", StringComparison.Ordinal) && !torch.cuda.is_available())
            throw new ArgumentException($"device={_o.Device}: this build of Sente has no CUDA device available " +
                                        "(TorchSharp CPU runtime, or no GPU); use device=cpu");
        string savedConfig = Path.Combine(_dir, "config.cfg");
        if (File.Exists(savedConfig))
        {
            string? game = null;
            try { game = ConfigFile.Load(savedConfig).GetString("game", "go"); }
            catch (ConfigException) { } // an unreadable saved config is rewritten; the checkpoints decide below
            if (game is not null && game != _o.Game)
                throw new ArgumentException($"run directory {_dir} holds a {game} run; game={_o.Game} does not match it " +
                                            "(use another --run-dir, or drop --game to resume)");
        }
        if (!File.Exists(StatePath)) return null;
        RunState state = RunState.Load(StatePath);
        foreach (string path in new[] { BestPath, LatestPath })
        {
            string use = File.Exists(path) ? path : StagedFiles.Staged(path);
            CheckpointHeader header = Checkpoint.ReadHeader(use);
            if (header.ConfigHash != Checkpoint.ConfigHash(_model))
                throw new CheckpointException($"{use}: holds {Checkpoint.Describe(header.Config)}, but the settings make " +
                                              $"{Checkpoint.Describe(_model)}: use another --run-dir, or this run's own settings");
        }
        return state;
    }

    private int CsvRows()
    {
        string csv = Path.Combine(_dir, "metrics.csv");
        return File.Exists(csv) ? Math.Max(0, File.ReadAllLines(csv).Length - 1) : 0;
    }

    private RunState StartFresh()
    {
        var init = new Dictionary<string, string> { ["generation"] = "0" };
        torch.random.manual_seed((long)(_o.Seed & 0x7fffffff));
        using var net = ModelFactory.CreatePolicyValue(_model); // seeded initialisation
        Checkpoint.Save(BestPath, net, _model, 0, init);
        Checkpoint.Save(LatestPath, net, _model, 0, init);
        RunState s = RunState.New();
        s.Save(StatePath);
        return s;
    }

    private void WriteConfig()
    {
        string path = Path.Combine(_dir, "config.cfg");
        AtomicFile.WriteAllText(path, _o.ToConfigText());
    }

    private (PolicyValueNet Net, IEvaluator Evaluator) LoadEvaluator(string path, ulong seed)
    {
        var net = ModelFactory.CreatePolicyValue(_model);
        Checkpoint.LoadInto(path, net, _model);
        var evaluator = new TorchEvaluator(net, _g.Encoder, new TorchEvaluatorOptions(
            _o.Device, _o.BFloat16, Symmetry: _g.Symmetry is null ? SymmetryMode.None : SymmetryMode.Random, Seed: seed));
        return (net, _g.WrapEvaluator is null ? evaluator : _g.WrapEvaluator(evaluator));
    }

    private ulong Seed(int iteration, ulong salt) => new Rng(_o.Seed ^ salt ^ (0x9E3779B97F4A7C15UL * (ulong)(iteration + 1))).NextUInt64();

    private async Task SelfPlayAsync(RunState state, ReplayBuffer replay, CancellationToken cancel)
    {
        long target = (long)(state.Iteration + 1) * _o.GamesPerIteration;
        long have = (await replay.StatsAsync(cancel)).TotalGamesAdded;
        int remaining = (int)Math.Max(0, target - have);
        int alreadyThisIteration = _o.GamesPerIteration - remaining;
        if (remaining == 0) return;
        var (net, evaluator) = LoadEvaluator(BestPath, Seed(state.Iteration, 0x5E1F));
        using var _ = net;
        var options = new SelfPlayOptions
        {
            Search = new MctsOptions { RootNoise = _o.RootNoise, DirichletAlpha = _o.DirichletAlpha },
            Limits = new SearchLimits(Visits: _o.Visits),
            Temperature = new TemperatureSchedule(_o.TemperatureMoves),
            ResignThreshold = _o.ResignThreshold <= -1 ? null : _o.ResignThreshold,
            ResignDisabledFraction = _o.ResignDisabledFraction,
            ParallelGames = Math.Min(_o.ParallelGames, remaining),
            RootFilter = _g.RootFilter,
        };
        var worker = new SelfPlayWorker(_g.Game, evaluator, options);
        int done = alreadyThisIteration;
        long positions = 0;
        var clock = Stopwatch.StartNew();
        bool sampleWritten = alreadyThisIteration > 0;
        // Seeds depend on the game's index within the iteration, so a resumed iteration plays the games it lacks.
        await worker.PlayAsync(remaining, Seed(state.Iteration, (ulong)alreadyThisIteration), async game =>
        {
            await replay.AddAsync(game, cancel);
            done++;
            positions += game.Moves.Count;
            if (!sampleWritten && _g.ToSgf is not null)
            {
                sampleWritten = true;
                string path = Path.Combine(_dir, "games", $"iter-{state.Iteration:D4}.sgf");
                AtomicFile.WriteAllText(path, _g.ToSgf(game));
            }
            double secs = Math.Max(1e-9, clock.Elapsed.TotalSeconds);
            Report(state, RunState.SelfPlay, done, _o.GamesPerIteration,
                   $"{(done - alreadyThisIteration) / secs:0.00} games/s, {positions / secs:0} positions/s");
        }, cancel);
    }

    private async Task<RunState> TrainAsync(RunState state, ReplayBuffer replay, CancellationToken cancel)
    {
        var net = ModelFactory.CreatePolicyValue(_model);
        using var __ = net;
        Checkpoint.LoadInto(LatestPath, net, _model);
        double lr = _o.LearningRateAt(state.Iteration);
        using var trainer = new PolicyValueTrainer(net, lr, _o.Momentum, _o.WeightDecay, _o.Device);
        if (File.Exists(OptimizerPath)) trainer.LoadState(OptimizerPath);
        var rng = new Rng(Seed(state.Iteration, 0x7EA1));
        double policySum = 0, valueSum = 0;
        int tail = Math.Max(1, _o.StepsPerIteration / 4);
        for (int step = 0; step < _o.StepsPerIteration; step++)
        {
            cancel.ThrowIfCancellationRequested();
            var samples = await replay.SampleAsync(_o.BatchSize, rng.NextUInt64(), cancel);
            var batch = TrainingBatch.Build(samples, _g.Game, _g.Encoder, _o.Augment ? _g.TrainingAugmentation : null, rng, _o.ValueTargetQ);
            TorchRuntime.ConfigureCurrentThread(_o.Threads); // run.threads on whichever thread the step runs (bit-reproducible)
            StepLosses l = trainer.Step(batch, lr);
            if (step >= _o.StepsPerIteration - tail) { policySum += l.Policy; valueSum += l.Value; }
            Report(state, RunState.Train, step + 1, _o.StepsPerIteration,
                   $"policy loss {l.Policy:0.000}, value loss {l.Value:0.000}, lr {lr:g3}");
        }
        long steps = state.TrainingSteps + _o.StepsPerIteration;
        var meta = new Dictionary<string, string> { ["iteration"] = state.Iteration.ToString(CultureInfo.InvariantCulture) };
        Checkpoint.Save(StagedFiles.Staged(LatestPath), net, _model, steps, meta);
        trainer.SaveState(StagedFiles.Staged(OptimizerPath)); // atomic
        return state with { TrainingSteps = steps, LastPolicyLoss = policySum / tail, LastValueLoss = valueSum / tail };
    }

    /// <summary>Plays the gate (candidate = latest vs best) and returns the state to commit: gate score, promotion,
    /// generation and Elo, with best.ckpt's replacement staged when promoted. Writes nothing but the staged file.</summary>
    private RunState Gate(RunState state, CancellationToken cancel)
    {
        double score = 1;
        bool promoted = true;
        if (_o.GateGames > 0)
        {
            var (candNet, candidate) = LoadEvaluator(LatestPath, Seed(state.Iteration, 0xCA4D));
            var (bestNet, best) = LoadEvaluator(BestPath, Seed(state.Iteration, 0xBE57));
            using var _1 = candNet;
            using var _2 = bestNet;
            var limits = new SearchLimits(Visits: _o.GateVisits);
            var gateOptions = new MctsOptions();
            ArenaResult r = Arena.Play(_g.Game, new SearchSide("candidate", candidate, limits, gateOptions, _g.RootFilter),
                new SearchSide("best", best, limits, gateOptions, _g.RootFilter), _o.GateGames, Seed(state.Iteration, 0x6A7E),
                _g.OpeningMoves, onGame: p => Report(state, RunState.Gate, p.Games, _o.GateGames,
                    $"candidate {p.Wins}-{p.Losses}-{p.Draws} vs best"), cancel: cancel);
            score = r.Score;
            promoted = score >= _o.GateThreshold;
        }
        if (!promoted) return state with { LastGateScore = score, LastPromoted = false };
        AtomicFile.WriteVia(StagedFiles.Staged(BestPath), temp => File.Copy(LatestPath, temp));
        double elo = state.BestElo + Math.Clamp(-400 * Math.Log10(1 / Math.Clamp(score, 0.01, 0.99) - 1), -400, 400);
        return state with
        {
            Generation = state.Generation + 1, BestElo = elo, LastGateScore = score, LastPromoted = true, Installs = ["best.ckpt"],
        };
    }

    /// <summary>Evaluates the (committed) best network against the fixed baselines when due, and returns the
    /// iteration's metrics. Reads only: a rerun after a kill gives the same result (fresh, seeded evaluators).</summary>
    private async Task<IterationMetrics> EvaluateAsync(RunState state, ReplayBuffer replay, CancellationToken cancel)
    {
        double? vsRandom = null, vsUct = null;
        bool evaluate = _o.EvalEvery > 0 && _o.EvalGames > 0 && (state.Iteration + 1) % _o.EvalEvery == 0;
        if (evaluate)
        {
            var (evalNet, evaluator) = LoadEvaluator(BestPath, Seed(state.Iteration, 0xE7A1));
            using var _ = evalNet;
            var limits = new SearchLimits(Visits: _o.EvalVisits);
            var me = new SearchSide("network", evaluator, limits, new MctsOptions(), _g.RootFilter);
            vsRandom = Arena.Play(_g.Game, me, new PlayerSide("random", _g.RandomPlayer), _o.EvalGames,
                Seed(state.Iteration, 0x4A4D), _g.OpeningMoves,
                onGame: p => Report(state, "eval-random", p.Games, _o.EvalGames, $"network {p.Wins}-{p.Losses}-{p.Draws} vs random"),
                cancel: cancel).Score;
            var preset = new UctPreset(_o.EvalVisits, Seed(state.Iteration, 0x0C7)).Validate();
            var uct = new SearchSide("uct", preset.Evaluator(), preset.Limits, preset.Options, _g.RootFilter);
            vsUct = Arena.Play(_g.Game, me, uct, _o.EvalGames, Seed(state.Iteration, 0x0C70), _g.OpeningMoves,
                onGame: p => Report(state, "eval-uct", p.Games, _o.EvalGames, $"network {p.Wins}-{p.Losses}-{p.Draws} vs UCT"),
                cancel: cancel).Score;
        }

        var recent = await replay.RecentAsync(_o.GamesPerIteration, cancel);
        double fp = ResignCalibration.FalsePositiveRate(recent, _o.ResignThreshold) ?? double.NaN;
        return new IterationMetrics(state.Iteration, recent.Count, recent.Sum(g => (long)g.Moves.Count),
            state.LastSelfPlaySeconds, state.LastTrainSeconds, state.LastPolicyLoss, state.LastValueLoss, _o.LearningRateAt(state.Iteration),
            state.LastGateScore, state.LastPromoted, state.BestElo, vsRandom, vsUct, fp);
    }

    private void Log(TorchSharp.Modules.SummaryWriter writer, IterationMetrics m)
    {
        int step = m.Iteration + 1;
        writer.add_scalar("loss/policy", (float)m.PolicyLoss, step);
        writer.add_scalar("loss/value", (float)m.ValueLoss, step);
        writer.add_scalar("gate/score", (float)m.GateScore, step);
        writer.add_scalar("elo/best", (float)m.BestElo, step);
        if (m.ScoreVsRandom is { } r) writer.add_scalar("eval/vs_random", (float)r, step);
        if (m.ScoreVsUct is { } u) writer.add_scalar("eval/vs_uct", (float)u, step);
        WriteCsvAndCharts();
    }

    private void WriteCsvAndCharts()
    {
        RunState s = RunState.Load(StatePath);
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string> { "iteration,games,positions,selfplay_s,train_s,policy_loss,value_loss,lr,gate_score,promoted,best_elo,vs_random,vs_uct,resign_fp_rate" };
        foreach (var m in s.History)
            lines.Add(string.Join(",", m.Iteration + 1, m.Games, m.Positions, m.SelfPlaySeconds.ToString("0.#", inv), m.TrainSeconds.ToString("0.#", inv), m.PolicyLoss.ToString("0.####", inv),
                m.ValueLoss.ToString("0.####", inv), m.LearningRate.ToString("g4", inv), m.GateScore.ToString("0.###", inv),
                m.Promoted ? 1 : 0, m.BestElo.ToString("0", inv), m.ScoreVsRandom?.ToString("0.###", inv) ?? "",
                m.ScoreVsUct?.ToString("0.###", inv) ?? "", double.IsNaN(m.ResignFalsePositiveRate) ? "" : m.ResignFalsePositiveRate.ToString("0.###", inv)));
        string csv = Path.Combine(_dir, "metrics.csv");
        AtomicFile.WriteAllText(csv, string.Join('\n', lines) + "\n");

        double[] x = s.History.Select(m => (double)(m.Iteration + 1)).ToArray();
        if (x.Length == 0) return;
        Chart.SaveLines(Path.Combine(_dir, "charts", "loss.png"), "Training loss", "iteration", "loss",
        [
            new LineSeries("policy (cross-entropy)", x, s.History.Select(m => m.PolicyLoss).ToArray()),
            new LineSeries("value (MSE)", x, s.History.Select(m => m.ValueLoss).ToArray()),
        ]);
        var evals = s.History.Where(m => m.ScoreVsRandom is not null).ToList();
        if (evals.Count > 0)
        {
            double[] ex = evals.Select(m => (double)(m.Iteration + 1)).ToArray();
            Chart.SaveLines(Path.Combine(_dir, "charts", "winrate.png"), "Score of the network player against fixed baselines",
                "iteration", "score (win = 1, draw = 0.5)",
            [
                new LineSeries("vs random", ex, evals.Select(m => m.ScoreVsRandom!.Value).ToArray()),
                new LineSeries($"vs UCT ({_o.EvalVisits} playouts)", ex, evals.Select(m => m.ScoreVsUct!.Value).ToArray()),
            ], yRange: (0, 1));
        }
        Chart.SaveLines(Path.Combine(_dir, "charts", "elo.png"), "Elo of the best network (from gating)", "iteration", "Elo",
            [new LineSeries("best", x, s.History.Select(m => m.BestElo).ToArray())]);
    }

    private static string Summary(IterationMetrics m) =>
        $"iteration {m.Iteration + 1}: policy loss {m.PolicyLoss:0.000}, value loss {m.ValueLoss:0.000}, gate {m.GateScore:0.00}" +
        (m.Promoted ? " (promoted)" : "") + $", Elo {m.BestElo:0}" +
        (m.ScoreVsRandom is { } r ? $", vs random {r:0.00}" : "") + (m.ScoreVsUct is { } u ? $", vs UCT {u:0.00}" : "");

    private void Report(RunState state, string phase, int done, int total, string message) =>
        _progress?.Report(new ZeroProgress(state.Iteration, phase, done, total, message));
}
