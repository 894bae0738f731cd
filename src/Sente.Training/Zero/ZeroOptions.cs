using Sente.Core.Config;
using Sente.Nn;
using Sente.Nn.Blocks;

namespace Sente.Training.Zero;

/// <summary>
/// Everything an AlphaGo Zero run needs, bound from a commented config file (<see cref="DefaultConfigText"/>) with
/// command-line overrides, validated at start and written into the run directory. Immutable.
/// Defaults are sized for a 2-core laptop; AlphaGo Zero's published values are given in the comments.
/// </summary>
public sealed record ZeroOptions
{
    // Game
    public string Game { get; init; } = "go";
    public int BoardSize { get; init; } = 9;
    public double Komi { get; init; } = 7.0;

    // Network: a trunk as TrunkConfig builds it (see Network); TrunkConfig says which trunks are valid.
    public string Trunk { get; init; } = "resnet";
    public int Blocks { get; init; } = 4;
    public int Filters { get; init; } = 48;
    public string Norm { get; init; } = "batch";
    public string Device { get; init; } = "cpu";
    public bool BFloat16 { get; init; }

    // Self-play
    public int GamesPerIteration { get; init; } = 48;
    public int Visits { get; init; } = 64;
    public int ParallelGames { get; init; } = 24;
    public int TemperatureMoves { get; init; } = 10;
    public bool RootNoise { get; init; } = true;
    public double? DirichletAlpha { get; init; }
    public double ResignThreshold { get; init; } = -0.95;
    public double ResignDisabledFraction { get; init; } = 0.2;
    public bool NoEyeFill { get; init; } = true;

    // Training
    public int BatchSize { get; init; } = 128;
    public int StepsPerIteration { get; init; } = 60;
    public double[] LearningRates { get; init; } = [0.02, 0.01, 0.002];
    public double[] LearningRateBoundaries { get; init; } = [30, 120];
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 1e-4;
    public int WindowGames { get; init; } = 1500;
    public bool Augment { get; init; } = true;
    /// <summary>a in the value target (1 - a) z + a q, q = the root search value recorded with the move; 0 is AlphaGo
    /// Zero's pure outcome z. Mixing in q lowers the target's noise where one game's result says little.</summary>
    public double ValueTargetQ { get; init; }

    // Gating and evaluation
    public int GateGames { get; init; } = 20;
    public int GateVisits { get; init; } = 64;
    public double GateThreshold { get; init; } = 0.55;
    public int EvalEvery { get; init; } = 2;
    public int EvalGames { get; init; } = 20;
    public int EvalVisits { get; init; } = 64;

    // Run
    public int Iterations { get; init; }
    public double Minutes { get; init; }
    public ulong Seed { get; init; } = 1;
    public int Threads { get; init; }

    /// <summary>Defaults per game: small games get small networks and more games per iteration.</summary>
    public static ZeroOptions DefaultsFor(string game) => game switch
    {
        "tictactoe" => new ZeroOptions
        {
            Game = game, Blocks = 2, Filters = 32, GamesPerIteration = 64, Visits = 48, ParallelGames = 32,
            TemperatureMoves = 4, BatchSize = 128, StepsPerIteration = 80, WindowGames = 1500, GateGames = 20,
            GateVisits = 48, EvalGames = 20, EvalVisits = 48, LearningRateBoundaries = [15, 40], ResignThreshold = -1,
            // Between two good players every game is a draw: a candidate that holds the best network to 50% is promoted.
            GateThreshold = 0.5,
        },
        "connect4" => new ZeroOptions
        {
            Game = game, Blocks = 4, Filters = 48, GamesPerIteration = 64, Visits = 64, ParallelGames = 32,
            TemperatureMoves = 8, StepsPerIteration = 80, WindowGames = 2500, LearningRateBoundaries = [40, 120],
            ResignThreshold = -1,
        },
        // Go on a 2-core laptop: self-play dominates, so train harder on what was played (about 7 samples per new
        // position) and spend less on gating (32 visits) and on baseline evaluations (every 4th iteration).
        _ => new ZeroOptions { Game = game, StepsPerIteration = 250, GateVisits = 32, EvalEvery = 4 },
    };

    /// <summary>Reads every setting from <paramref name="config"/> (defaults per game when absent) and validates.
    /// Unknown keys are an error (typos).</summary>
    public static ZeroOptions From(ConfigFile config)
    {
        string game = config.GetChoice("game", "go", "go", "tictactoe", "connect4");
        ZeroOptions d = DefaultsFor(game);
        var o = new ZeroOptions
        {
            Game = game,
            // Go only; 2..25 are Sente.Go's BoardSizes, which this game-agnostic layer cannot name (a test keeps the two equal).
            BoardSize = config.GetInt("board.size", d.BoardSize, 2, 25),
            Komi = config.GetDouble("komi", d.Komi, -400, 400),
            Trunk = config.GetString("net.trunk", d.Trunk),
            Blocks = config.GetInt("net.blocks", d.Blocks),
            Filters = config.GetInt("net.filters", d.Filters),
            Norm = config.GetString("net.norm", d.Norm),
            Device = config.GetString("device", d.Device),
            BFloat16 = config.GetBool("bf16", d.BFloat16),
            GamesPerIteration = config.GetInt("selfplay.games", d.GamesPerIteration, 1, 1_000_000),
            Visits = config.GetInt("selfplay.visits", d.Visits, 2, 1_000_000),
            ParallelGames = config.GetInt("selfplay.parallel", d.ParallelGames, 1, 4096),
            TemperatureMoves = config.GetInt("selfplay.temperature_moves", d.TemperatureMoves, 0, 10_000),
            RootNoise = config.GetBool("selfplay.noise", d.RootNoise),
            DirichletAlpha = config.Contains("selfplay.dirichlet_alpha") ? config.GetDouble("selfplay.dirichlet_alpha", 0.03, 1e-6, 100) : d.DirichletAlpha,
            ResignThreshold = config.GetDouble("selfplay.resign_threshold", d.ResignThreshold, -1, 1),
            ResignDisabledFraction = config.GetDouble("selfplay.resign_disabled_fraction", d.ResignDisabledFraction, 0, 1),
            NoEyeFill = config.GetBool("selfplay.no_eye_fill", d.NoEyeFill),
            BatchSize = config.GetInt("train.batch", d.BatchSize, 1, 65_536),
            StepsPerIteration = config.GetInt("train.steps", d.StepsPerIteration, 1, 10_000_000),
            LearningRates = config.GetDoubles("train.lr", d.LearningRates),
            LearningRateBoundaries = config.GetDoubles("train.lr_boundaries", d.LearningRateBoundaries),
            Momentum = config.GetDouble("train.momentum", d.Momentum, 0, 0.9999),
            WeightDecay = config.GetDouble("train.l2", d.WeightDecay, 0, 1),
            WindowGames = config.GetInt("train.window_games", d.WindowGames, 1, 10_000_000),
            Augment = config.GetBool("train.augment", d.Augment),
            ValueTargetQ = config.GetDouble("train.value_target_q", d.ValueTargetQ, 0, 1),
            GateGames = config.GetInt("gate.games", d.GateGames, 0, 100_000),
            GateVisits = config.GetInt("gate.visits", d.GateVisits, 1, 1_000_000),
            GateThreshold = config.GetDouble("gate.threshold", d.GateThreshold, 0, 1),
            EvalEvery = config.GetInt("eval.every", d.EvalEvery, 0, 1_000_000),
            EvalGames = config.GetInt("eval.games", d.EvalGames, 0, 100_000),
            EvalVisits = config.GetInt("eval.visits", d.EvalVisits, 1, 1_000_000),
            Iterations = config.GetInt("run.iterations", d.Iterations, 0, int.MaxValue),
            Minutes = config.GetDouble("run.minutes", d.Minutes, 0, 1e7),
            Seed = (ulong)config.GetLong("run.seed", (long)d.Seed, 0, long.MaxValue),
            Threads = config.GetInt("run.threads", d.Threads, 0, 1024),
        };
        config.ThrowOnUnusedKeys();
        return o.Validate();
    }

    /// <summary>The network trunk these settings describe (net.trunk, net.blocks, net.filters, net.norm).</summary>
    /// <exception cref="ArgumentException">An unknown trunk kind or normalization.</exception>
    public TrunkConfig Network => new(TrunkConfig.ParseKind(Trunk), Blocks, Filters, TrunkConfig.ParseNorm(Norm));

    /// <summary>Throws <see cref="ConfigException"/> naming the first inconsistent setting. The network settings are
    /// checked by <see cref="TrunkConfig"/>'s own validation (the one place that says which trunks are valid).</summary>
    public ZeroOptions Validate()
    {
        try { TrunkConfig.ParseKind(Trunk); }
        catch (ArgumentException e) { throw new ConfigException($"net.trunk: {e.Message}"); }
        try { TrunkConfig.ParseNorm(Norm); }
        catch (ArgumentException e) { throw new ConfigException($"net.norm: {e.Message}"); }
        try { Network.Validate(); }
        catch (ArgumentException e) { throw new ConfigException($"net.blocks, net.filters: {e.Message}"); }
        if (LearningRates.Length == 0 || LearningRates.Any(r => !(r > 0)))
            throw new ConfigException("train.lr: give one or more positive learning rates");
        if (LearningRateBoundaries.Length != LearningRates.Length - 1)
            throw new ConfigException($"train.lr_boundaries: give {LearningRates.Length - 1} boundaries (iterations) for {LearningRates.Length} learning rates");
        for (int i = 1; i < LearningRateBoundaries.Length; i++)
            if (LearningRateBoundaries[i] <= LearningRateBoundaries[i - 1]) throw new ConfigException("train.lr_boundaries must increase");
        if (!DeviceNames.IsValid(Device)) throw new ConfigException($"device must be {DeviceNames.Expected}, got '{Device}'");
        return this;
    }

    /// <summary>The learning rate for iteration <paramref name="iteration"/> (0-based): a step schedule.</summary>
    public double LearningRateAt(int iteration)
    {
        int i = 0;
        while (i < LearningRateBoundaries.Length && iteration >= LearningRateBoundaries[i]) i++;
        return LearningRates[i];
    }

    /// <summary>The effective settings as a config file (written to the run directory; reusable with --config).</summary>
    public string ToConfigText()
    {
        static string F(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string L(double[] v) => string.Join(", ", v.Select(F));
        return $"""
            # Effective settings of this Sente AlphaGo Zero run (sente train). Edit and pass with --config, or
            # override single keys: sente train --set selfplay.visits=200
            game = {Game}                  # go | tictactoe | connect4
            board.size = {BoardSize}                # Go only: 2..25
            komi = {F(Komi)}                    # Go only (area scoring, Tromp-Taylor)

            net.trunk = {Trunk}           # resnet | preact | wide | pyramid | dense (AlphaGo Zero: resnet)
            net.blocks = {Blocks}                # residual blocks (AlphaGo Zero: 19 or 39)
            net.filters = {Filters}              # channels (AlphaGo Zero: 256)
            net.norm = {Norm}              # batch | layer | none
            device = {Device}                 # cpu | cuda | cuda:N
            bf16 = {(BFloat16 ? "true" : "false")}                  # bfloat16 inference in self-play and gating

            selfplay.games = {GamesPerIteration}           # games per iteration
            selfplay.visits = {Visits}          # MCTS visits per move (AlphaGo Zero: 1600)
            selfplay.parallel = {ParallelGames}         # games searched in lockstep (one batched network call per round)
            selfplay.temperature_moves = {TemperatureMoves}  # temperature 1 for this many moves, then best move (AlphaGo Zero: 30)
            selfplay.noise = {(RootNoise ? "true" : "false")}         # Dirichlet root noise, eps 0.25
            {(DirichletAlpha is { } a ? $"selfplay.dirichlet_alpha = {F(a)}" : "# selfplay.dirichlet_alpha = 0.03  # default: 0.03 * 361 / legal moves")}
            selfplay.resign_threshold = {F(ResignThreshold)}   # resign below this value (-1: never)
            selfplay.resign_disabled_fraction = {F(ResignDisabledFraction)}  # games played out to measure false resignations (AlphaGo Zero: 0.1)
            selfplay.no_eye_fill = {(NoEyeFill ? "true" : "false")}   # Go: searches give no prior to filling an own one-point eye (AlphaGo Zero: false)

            train.batch = {BatchSize}             # positions per SGD step (AlphaGo Zero: 2048)
            train.steps = {StepsPerIteration}              # SGD steps per iteration
            train.lr = {L(LearningRates)}    # learning rates (AlphaGo Zero: 0.01 -> 0.001 -> 0.0001)
            train.lr_boundaries = {L(LearningRateBoundaries)}   # iterations at which the next rate starts
            train.momentum = {F(Momentum)}
            train.l2 = {F(WeightDecay)}              # c in (z-v)^2 - pi.log p + c||theta||^2
            train.window_games = {WindowGames}     # replay window (AlphaGo Zero: 500,000 games)
            train.augment = {(Augment ? "true" : "false")}       # random symmetry per sample (square boards: 8; Connect Four: the mirror)
            train.value_target_q = {F(ValueTargetQ)}     # value target (1-a) z + a q, q = the move's root search value (AlphaGo Zero: 0)

            gate.games = {GateGames}              # candidate vs best games per iteration (AlphaGo Zero: 400; 0 = always promote)
            gate.visits = {GateVisits}
            gate.threshold = {F(GateThreshold)}         # promote when the candidate scores at least this (AlphaGo Zero: 0.55)

            eval.every = {EvalEvery}               # iterations between evaluations against fixed baselines (0 = never)
            eval.games = {EvalGames}              # games against each baseline (random; UCT with random rollouts)
            eval.visits = {EvalVisits}             # visits of the network player and playouts of the UCT baseline

            run.iterations = {Iterations}           # stop after this many iterations (0 = no limit)
            run.minutes = {F(Minutes)}              # stop after this many minutes of this session (0 = no limit)
            run.seed = {Seed}
            run.threads = {Threads}              # torch intra-op threads (0 = all cores)
            """ + "\n";
    }
}
