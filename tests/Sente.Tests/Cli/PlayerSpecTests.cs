using Sente.Cli;
using Sente.Cli.Composition;
using Sente.Cli.Composition.Players;
using Sente.Go;
using Sente.Gtp.Players;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Search;
using Sente.Training.Zero;

namespace Sente.Tests.Cli;

/// <summary>The one player-spec grammar (KIND[:key=value,...]) and its catalog: each kind, each alias, unknown keys,
/// bad values, keys given twice; and the one checkpoint loader.</summary>
public class PlayerSpecTests
{
    private static readonly PlayerCatalog Catalog = PlayerCatalog.Default;

    private static string Error(string spec) => Assert.Throws<ArgumentException>(() => Catalog.Resolve(spec)).Message;

    [Fact]
    public void TheGrammarSplitsKindPositionalAndSettings()
    {
        PlayerSpec s = PlayerSpec.Parse(" MCTS:model=a.ckpt, visits=8 ");
        Assert.Equal("mcts", s.Kind);
        Assert.Null(s.Positional);
        Assert.Equal([new("model", "a.ckpt"), new("visits", "8")], s.Settings);
        PlayerSpec p = PlayerSpec.Parse("policy:runs/sl.ckpt,temperature=0");
        Assert.Equal("runs/sl.ckpt", p.Positional);
        Assert.Equal("0", Assert.Single(p.Settings).Value);
        Assert.Equal("random", PlayerSpec.Parse("random").Kind);
        Assert.Contains("expected KIND", Assert.Throws<ArgumentException>(() => PlayerSpec.Parse(":x=1")).Message);
        Assert.Contains("expected key=value, got 'b'", Assert.Throws<ArgumentException>(() => PlayerSpec.Parse("mcts:model=a,b")).Message);
    }

    [Fact]
    public void EachKindResolvesWithItsDefaults()
    {
        Assert.IsType<RandomPlayerKind>(Catalog.Resolve("random").Kind);
        Assert.Same(ArenaOnlyPlayerKind.OnePly, Catalog.Resolve("one-ply").Kind);
        Assert.Same(ArenaOnlyPlayerKind.Minimax, Catalog.Resolve("minimax").Kind);

        var (mcts, ms) = Catalog.Resolve("mcts:model=a.ckpt");
        Assert.IsType<MctsPlayerKind>(mcts);
        MctsPlayerOptions o = MctsPlayerOptions.From(ms);
        Assert.Equal(("a.ckpt", MctsPlayerOptions.DefaultVisits, MctsPlayerOptions.DefaultResign), (o.Model, o.Visits, o.Resign));
        Assert.Equal(50, MctsPlayerOptions.From(Catalog.Resolve("mcts:model=a,visits=50,resign=-1").Settings).Visits);
        Assert.Null(MctsPlayerOptions.From(Catalog.Resolve("mcts:model=a,resign=-1").Settings).ResignThreshold);

        var (policy, ps) = Catalog.Resolve("policy:model=p.ckpt,temperature=0.5");
        Assert.IsType<PolicyPlayerKind>(policy);
        Assert.Equal("p.ckpt", ps.Required("model"));

        var (apv, aps) = Catalog.Resolve("apv:policy=p,value=v,rollout=r,visits=12");
        Assert.IsType<ApvPlayerKind>(apv);
        Assert.Equal(12, ApvSpec.From(aps).Visits);

        var (uct, us) = Catalog.Resolve("uct");
        Assert.IsType<UctPlayerKind>(uct);
        Assert.Equal(UctPlayerKind.DefaultPlayouts, us.Int("playouts", UctPlayerKind.DefaultPlayouts));
        Assert.Equal("uct(64)", Catalog.CreateMoveGenerator("uct:playouts=64", 1).Name);

        var (gnugo, gs) = Catalog.Resolve("gnugo:7");
        Assert.IsType<GnuGoPlayerKind>(gnugo);
        Assert.Equal(7, gs.Int("level", 0, 0, 10));
    }

    [Fact]
    public void OldFormsAreAliases()
    {
        var (net, ns) = Catalog.Resolve("net:runs/go9/best.ckpt");
        Assert.IsType<MctsPlayerKind>(net);
        Assert.Equal("runs/go9/best.ckpt", ns.Required("model"));
        var (policy, ps) = Catalog.Resolve("policy:sl.ckpt,temperature=0");
        Assert.IsType<PolicyPlayerKind>(policy);
        Assert.Equal(("sl.ckpt", 0.0), (ps.Required("model"), ps.Double("temperature", 1, 0, 10)));
        Assert.Equal("sente:random", Catalog.MatchPlayer("random"));
        Assert.Equal("sente:random", Catalog.MatchPlayer("sente:random"));
        Assert.Contains(Catalog.CreateRegistry().Players, p => p.Name == "net");
    }

    [Fact]
    public void TheArenaGivesUctItsVisitsAsPlayouts()
    {
        ZeroGameBinding game = GameCatalog.For(ZeroOptions.DefaultsFor("connect4"));
        var side = Assert.IsType<SearchSide>(Catalog.CreateArenaSide("uct", new ArenaSideContext(game, 300, 1)));
        Assert.Equal("uct(300)", side.Name);
        Assert.Equal(300, side.Limits.Playouts);
        Assert.Equal(FpuMode.Constant, side.Options.Fpu);
        Assert.Equal("uct(20)", Catalog.CreateArenaSide("uct:playouts=20", new ArenaSideContext(game, 300, 1)).Name);
        Assert.Contains("tic-tac-toe", Assert.Throws<ArgumentException>(() => Catalog.CreateArenaSide("minimax", new ArenaSideContext(game, 1, 1))).Message);
        Assert.Contains("plays in `sente arena` only", Assert.Throws<ArgumentException>(() => Catalog.CreateMoveGenerator("one-ply", 1)).Message);
    }

    [Theory]
    [InlineData("mcts:model=a,depth=3", "player 'mcts': unknown setting 'depth'")]
    [InlineData("uct:visits=3", "player 'uct': unknown setting 'visits'")]
    [InlineData("random:x=1", "player 'random' takes no arguments")]
    [InlineData("random:fast", "player 'random' takes no arguments")]
    [InlineData("nosuch", "unknown player 'nosuch'")]
    public void UnknownKindsAndKeysAreNamed(string spec, string expected) => Assert.Contains(expected, Error(spec));

    [Theory]
    [InlineData("mcts:model=a,visits=abc", "player 'mcts': visits=abc: expected a positive integer")]
    [InlineData("mcts:model=a,visits=0", "player 'mcts': visits=0: expected a positive integer")]
    [InlineData("mcts:model=a,resign=2", "player 'mcts': resign=2")]
    [InlineData("mcts:visits=5", "player 'mcts' needs model=PATH")]
    [InlineData("policy:model=p,temperature=-1", "player 'policy': temperature=-1: expected a number >= 0")]
    [InlineData("policy:model=p,temperature=Infinity", "temperature=Infinity")]
    [InlineData("uct:playouts=0", "player 'uct': playouts=0: expected a positive integer")]
    [InlineData("gnugo:11", "player 'gnugo': level=11: expected an integer in [0, 10]")]
    [InlineData("apv:policy=p,value=v,rollout=r,lambda=2", "player 'apv': lambda=2")]
    public void BadValuesNameThePlayerAndTheKey(string spec, string expected) => Assert.Contains(expected, Error(spec));

    [Theory]
    [InlineData("mcts:model=a,visits=1,VISITS=2", "player 'mcts': 'VISITS' given twice")]
    [InlineData("net:a,model=b", "player 'mcts': 'model' given twice")]
    [InlineData("policy:p,model=q", "player 'policy': 'model' given twice")]
    public void AKeyGivenTwiceIsAnError(string spec, string expected) => Assert.Contains(expected, Error(spec));

    [Fact]
    public void TheLoaderPicksTheEncoderChecksTheSizeAndNamesTheFile()
    {
        TorchRuntime.InitializeProcess();
        string dir = Path.Combine(Path.GetTempPath(), "sente-loader-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            string Save(string name, ModelConfig config)
            {
                string path = Path.Combine(dir, name);
                using var net = ModelFactory.Create(config);
                Checkpoint.Save(path, net, config, 0);
                return path;
            }
            string zero = Save("zero.ckpt", new ModelConfig(ModelKind.Zero, 9, 17, new TrunkConfig(Blocks: 1, Width: 8)));
            string leela = Save("lz.ckpt", new ModelConfig(ModelKind.Zero, 9, 18, new TrunkConfig(Blocks: 1, Width: 8)));
            string policy = Save("policy.ckpt", new ModelConfig(ModelKind.AlphaGoPolicy, 9, 48, Filters: 8, Layers: 3));
            var state = new GoState(9, 7.5, Rules.TrompTaylor);
            foreach (string path in new[] { zero, leela })
            {
                LoadedEvaluator loaded = NetworkLoader.Evaluator(path);
                Assert.IsType<NoEyeFillEvaluator>(loaded.Evaluator);   // Sente's Go networks never fill their own eyes
                Assert.Equal(9, loaded.BoardSize);
                var priors = new float[82];
                var values = new float[1];
                loaded.Evaluator.Evaluate([state], priors, values);
                Assert.InRange(values[0], -1, 1);
            }
            ZeroGameBinding go13 = GameCatalog.For(ZeroOptions.DefaultsFor("go") with { BoardSize = 13 });
            Assert.Contains("is for 9x9, the board is 13x13", Assert.Throws<CliException>(() => NetworkLoader.Evaluator(zero, go13)).Message);
            Assert.Contains("policy.ckpt", Assert.Throws<CliException>(() => NetworkLoader.Evaluator(policy)).Message);
            Assert.Contains("not found", Assert.Throws<CliException>(() => NetworkLoader.Evaluator(Path.Combine(dir, "none.ckpt"))).Message);
            File.WriteAllText(Path.Combine(dir, "junk.ckpt"), "junk");
            Assert.Contains("junk.ckpt", Assert.Throws<CliException>(() => NetworkLoader.Evaluator(Path.Combine(dir, "junk.ckpt"))).Message);
            Assert.Contains("plays 9x9, not 5x5", Assert.Throws<CliException>(() => NetworkLoader.Policy(policy, 5)).Message);
            IMoveGenerator player = Catalog.CreateMoveGenerator($"net:{leela},visits=4", 1);
            Assert.Equal("mcts(lz.ckpt,4)", player.Name);
            Assert.True(state.IsLegal(state.ToMove, player.GenerateMove(state, state.ToMove, Sente.Gtp.Players.GtpClock.Unlimited).Point));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
