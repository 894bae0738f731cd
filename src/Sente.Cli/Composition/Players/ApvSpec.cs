using System.Globalization;
using Sente.Core.Evaluation;
using Sente.Gtp.Players;
using Sente.Nn.Checkpoints;
using Sente.Lee.Networks;
using Sente.Search;
using Sente.Search.Apv;

namespace Sente.Cli.Composition.Players;

/// <summary>
/// The `apv:` player spec (GTP --player, match sente:apv:..., arena, lee tournament): AlphaGo Lee's search with its
/// variants as parameters, e.g. <c>apv:policy=sl.ckpt,value=value.ckpt,rollout=rollout.bin,lambda=0.5,visits=200</c>.
/// Keys: policy (required), value (needed unless lambda=1), rollout (needed unless lambda=0), lambda (0.5), visits
/// (200; 0 = the policy network alone, no search), time (ms per move, instead of visits), beta (0.67), nthr (the
/// expansion threshold: 8, or 1 with lambda=0 since a leaf's value is computed once), cpuct (5), vl (virtual loss 3),
/// batch (8), threads (rollout threads, 1), overlap (0; 1 runs the networks on a second thread while the rollouts
/// play, as AlphaGo's GPU beside its CPU rollouts), valueat (visit: the value network scores each position a simulation
/// stops at, on its first visit; expansion: each position once when it joins the tree, the paper's leaf node; node: as
/// expansion, but an edge whose successor has no value yet is scored by its rollouts alone), async (0; 1 evaluates the
/// value network on a thread of its own while the search goes on, as the paper did: needs valueat=expansion or node and
/// 0 &lt; lambda &lt; 1), vthr (with async=1: a leaf's value is also queued once it has this many visits, before it
/// joins the tree), vthreads (libtorch intra-op threads of the value network's calls; 0, the default, leaves the
/// calling thread's setting: 1 suits async=1 on a two-core machine), fpu (none: an unvisited move is scored 0, as
/// the paper; R: Leela Zero's first-play urgency, the node's value minus R x sqrt(visited prior mass)), resign
/// (-0.8; -1 never), device (cpu; cuda runs both networks on the GPU, beside the rollouts on the CPU, as AlphaGo did:
/// needs TorchSharp's CUDA package).
/// </summary>
public sealed record ApvSpec(string Policy, string? Value, string? Rollout, double Lambda, int Visits, int? TimeMs, double Beta,
                             int ExpansionThreshold, double CPuct, int VirtualLoss, int Batch, int Threads, double Resign)
{
    /// <summary>Networks on a second thread while the rollouts play (<see cref="ApvOptions.OverlapNetworks"/>).</summary>
    public bool Overlap { get; init; }

    /// <summary>Value network beside the search (<see cref="ApvOptions.AsyncValues"/>).</summary>
    public bool Async { get; init; }

    /// <summary>Visits after which a leaf's value is queued (<see cref="ApvOptions.ValueThreshold"/>); null: at expansion.</summary>
    public int? ValueThreshold { get; init; }

    /// <summary>Intra-op threads of the value network's calls (0: the calling thread's setting).</summary>
    public int ValueThreads { get; init; }

    /// <summary>Where a simulation's value comes from (<see cref="ApvOptions.ValueAt"/>).</summary>
    public ApvValueAt ValueAt { get; init; }

    /// <summary>First-play urgency reduction (<see cref="ApvOptions.FpuReduction"/>); null: unvisited moves score 0.</summary>
    public double? FpuReduction { get; init; }

    /// <summary>Torch device of the policy and value networks: cpu or cuda.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The keys of the `apv` player.</summary>
    public static readonly string[] Keys =
    [
        "policy", "value", "rollout", "lambda", "visits", "time", "beta", "nthr", "cpuct", "vl", "batch", "threads", "overlap",
        "async", "vthr", "vthreads", "valueat", "fpu", "resign", "device",
    ];

    /// <summary>The spec's form with every key and its default.</summary>
    public const string Usage = "apv:policy=PATH[,value=PATH][,rollout=PATH][,lambda=0.5][,visits=200|time=MS]" +
                                "[,beta=0.67][,nthr=8][,cpuct=5][,vl=3][,batch=8][,threads=1][,overlap=0|1][,async=0|1][,vthr=N]" +
                                "[,vthreads=0][,valueat=visit|expansion|node][,fpu=R][,resign=-0.8][,device=cpu|cuda]";

    /// <summary>Parses the text after "apv:" (the player-spec grammar of <see cref="PlayerCatalog"/>).</summary>
    /// <exception cref="ArgumentException">Unknown key, bad number, missing network for the chosen lambda.</exception>
    public static ApvSpec Parse(string args) => From(PlayerCatalog.Default.Resolve("apv:" + args).Settings);

    /// <summary>The spec of resolved `apv` settings: defaults and validation of every key.</summary>
    /// <exception cref="ArgumentException">Bad value or missing network for the chosen lambda, naming the key.</exception>
    public static ApvSpec From(PlayerSettings a)
    {
        string policy = a.Required("policy", "PATH", "the SL policy network: the priors");
        double lambda = a.Double("lambda", 0.5, 0, 1);
        int visits = a.Int("visits", 200, 0, int.MaxValue);
        int? time = a.Has("time") ? a.Int("time", 0, 1, int.MaxValue) : null;
        if (time is not null && a.Has("visits")) throw new ArgumentException("player 'apv': give visits=N or time=MS, not both");
        string? value = a.Text("value"), rollout = a.Text("rollout");
        bool search = time is not null || visits > 0;
        if (search && lambda < 1 && string.IsNullOrEmpty(value))
            throw new ArgumentException($"player 'apv': lambda={lambda.ToString(CultureInfo.InvariantCulture)} needs value=PATH (the value network); lambda=1 searches with rollouts only");
        ApvValueAt valueAt = a.Choice("valueat", ApvValueAt.Visit, new Dictionary<string, ApvValueAt>
        {
            ["visit"] = ApvValueAt.Visit, ["expansion"] = ApvValueAt.Expansion, ["node"] = ApvValueAt.Node,
        });
        bool isAsync = a.Flag("async");
        if (isAsync && (!(lambda > 0 && lambda < 1) || valueAt == ApvValueAt.Visit))
            throw new ArgumentException("player 'apv': async=1 needs 0 < lambda < 1 (a value network and rollouts) and valueat=expansion or valueat=node");
        if (a.Has("vthr") && !isAsync) throw new ArgumentException("player 'apv': vthr=N needs async=1");
        if (search && lambda > 0 && string.IsNullOrEmpty(rollout))
            throw new ArgumentException($"player 'apv': lambda={lambda.ToString(CultureInfo.InvariantCulture)} needs rollout=PATH (rollout weights); lambda=0 searches with the value network only");
        return new ApvSpec(policy, value, rollout, lambda, visits, time,
            a.Double("beta", 0.67, 1e-3, 1e3),
            a.Int("nthr", lambda == 0 ? 1 : 8, 1, int.MaxValue),
            a.Double("cpuct", 5, 1e-6, 1e6),
            a.Int("vl", 3, 0, 1000),
            a.Int("batch", 8, 1, 4096),
            a.Int("threads", 1, 1, 256),
            a.Double("resign", -0.8, -1, 1))
        {
            Overlap = a.Flag("overlap"),
            Async = isAsync,
            ValueThreads = a.Int("vthreads", 0, 0, 256),
            ValueThreshold = a.Has("vthr") ? a.Int("vthr", 1, 1, int.MaxValue) : null,
            ValueAt = valueAt,
            FpuReduction = a.Has("fpu") ? a.Double("fpu", 0, 0, 2) : null,
            Device = a.Choice("device", "cpu", new Dictionary<string, string> { ["cpu"] = "cpu", ["cuda"] = "cuda" }),
        };
    }

    /// <summary>Search limits: null for the policy network alone.</summary>
    public SearchLimits? Limits => TimeMs is { } t ? new SearchLimits(Time: TimeSpan.FromMilliseconds(t))
        : Visits > 0 ? new SearchLimits(Visits: Visits) : null;

    public ApvOptions Options(ulong seed) => new ApvOptions
    {
        CPuct = CPuct, Lambda = Lambda, VirtualLoss = VirtualLoss, ExpansionThreshold = ExpansionThreshold,
        BatchSize = Batch, RolloutThreads = Threads, OverlapNetworks = Overlap, AsyncValues = Async, ValueThreshold = ValueThreshold, ValueAt = ValueAt, FpuReduction = FpuReduction, Seed = seed,
    }.Validate();

    /// <summary>A short name: apv(lambda,visits or time) or policy(file).</summary>
    public string Name => Limits is null ? $"policy({Path.GetFileName(Policy)})"
        : string.Create(CultureInfo.InvariantCulture, $"apv(l={Lambda},{(TimeMs is { } t ? t + "ms" : Visits + "v")})");

    /// <summary>Loads the networks and rollout weights the spec uses.</summary>
    /// <exception cref="ArgumentException">A file is missing, corrupt or of the wrong kind (the message names it).</exception>
    /// <param name="seed">Seed of the networks' random symmetries.</param>
    /// <param name="boardSize">When given, the networks must be for this board size.</param>
    public (PolicyPriorEvaluator Priors, IEvaluator? Values, IRolloutPolicy? Rollouts) Load(ulong seed, int? boardSize = null)
    {
        if (Device == "cuda" && !TorchSharp.torch.cuda.is_available())
            throw new ArgumentException("player 'apv': device=cuda, but this TorchSharp build sees no CUDA device (it needs TorchSharp's CUDA package and a GPU)");
        try
        {
            PolicyPriorEvaluator priors = LeeNetworks.LoadPolicy(Policy, Beta, Device, seed);
            if (boardSize is { } n && priors.BoardSize != n)
                throw new ArgumentException($"player 'apv': policy network '{Policy}' is for {priors.BoardSize}x{priors.BoardSize}, the board is {n}x{n}");
            bool search = Limits is not null;
            ValueNetEvaluator? values = search && Lambda < 1 ? LeeNetworks.LoadValue(Value!, Device, seed + 1) : null;
            if (values is not null)
            {
                if (values.BoardSize != priors.BoardSize)
                    throw new ArgumentException($"player 'apv': value network '{Value}' is for {values.BoardSize}x{values.BoardSize}, the policy network for {priors.BoardSize}x{priors.BoardSize}");
                values.IntraOpThreads = ValueThreads;
            }
            IRolloutPolicy? rollouts = search && Lambda > 0 ? LeeNetworks.LoadRollout(Rollout!) : null;
            return (priors, values, rollouts);
        }
        catch (CheckpointException e) { throw new ArgumentException($"player 'apv': {e.Message}", e); }
    }

    /// <summary>The GTP / match player.</summary>
    public IMoveGenerator CreateMoveGenerator(ulong seed)
    {
        var (p, v, r) = Load(seed);
        return new ApvMoveGenerator(Name, p, v, r, Limits, Options(seed), Resign <= -1 ? null : Resign, new GoPassFilter(),
            p.BoardSize);
    }
}
