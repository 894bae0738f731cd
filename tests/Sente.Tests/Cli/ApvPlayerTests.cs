using System.Text.Json;
using Sente.Cli;
using Sente.Cli.Commands.Lee;
using Sente.Cli.Composition.Players;
using Sente.Go;
using Sente.Gtp;
using Sente.Gtp.Players;
using Sente.Nn;
using Sente.Nn.Blocks;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using Sente.Lee.Rollout;
using static TorchSharp.torch;

namespace Sente.Tests.Cli;

/// <summary>AlphaGo Lee's search players on 9x9 with tiny random-init networks: specs, GTP moves, the tournament.</summary>
public sealed class ApvPlayerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sente-apv-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _policy, _value, _pair, _zero, _rollout;

    public ApvPlayerTests()
    {
        TorchRuntime.InitializeProcess();
        Directory.CreateDirectory(_dir);
        random.manual_seed(5);
        _policy = Save("policy.ckpt", new ModelConfig(ModelKind.AlphaGoPolicy, 9, 48, Filters: 8, Layers: 3));
        _value = Save("value.ckpt", new ModelConfig(ModelKind.AlphaGoValue, 9, 49, Filters: 8, Layers: 3, ValueHidden: 16));
        _pair = Save("pair.ckpt", new ModelConfig(ModelKind.AlphaGo, 9, 49, Filters: 8, Layers: 3, ValueHidden: 16));
        _zero = Save("zero.ckpt", new ModelConfig(ModelKind.Zero, 9, 17, new TrunkConfig(Blocks: 1, Width: 8)));
        _rollout = Path.Combine(_dir, "rollout.bin");
        var weights = new float[RolloutFeatures.Count];
        var rng = new Sente.Core.Rng(3);
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(rng.NextGaussian() * 0.1);
        RolloutWeightsFile.Save(_rollout, new RolloutPolicy(weights));
    }

    private string Save(string name, ModelConfig config)
    {
        string path = Path.Combine(_dir, name);
        using var net = ModelFactory.Create(config);
        Checkpoint.Save(path, net, config, 0);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("lambda=0.5,visits=12")]
    [InlineData("lambda=0,visits=12")]
    [InlineData("lambda=1,visits=12,threads=2")]
    [InlineData("lambda=0.5,time=40")]
    [InlineData("visits=0")]
    public void EachVariantPlaysLegalMovesOn9x9(string settings)
    {
        IMoveGenerator player = PlayerCatalog.Default.CreateRegistry().Create($"apv:policy={_policy},value={_value},rollout={_rollout},{settings}", 7);
        var state = new GoState(9, 7.5, Rules.TrompTaylor);
        for (int m = 0; m < 4; m++)
        {
            MoveReply reply = player.GenerateMove(state, state.ToMove, GtpClock.Unlimited);
            Assert.False(reply.Resign);
            Assert.True(state.IsLegal(state.ToMove, reply.Point), $"{settings}: move {m} {reply.Point}");
            Assert.NotEqual(state.Pass, reply.Point);   // sensible passing: never pass on an open board
            state.Apply(reply.Point);
        }
    }

    [Fact]
    public void TheAlphaGoPairServesAsPolicyAndValue()
    {
        IMoveGenerator player = PlayerCatalog.Default.CreateRegistry().Create($"apv:policy={_pair},value={_pair},lambda=0,visits=8", 1);
        var state = new GoState(9, 7.5, Rules.TrompTaylor);
        Assert.True(state.IsLegal(state.ToMove, player.GenerateMove(state, state.ToMove, GtpClock.Unlimited).Point));
    }

    [Theory]
    [InlineData("visits=10", "needs policy=PATH")]
    [InlineData("policy=P,lambda=0.5,value=V,visits=10", "needs rollout=PATH")]
    [InlineData("policy=P,lambda=0.5,rollout=R,visits=10", "needs value=PATH")]
    [InlineData("policy=P,value=V,rollout=R,lambda=2", "lambda=2")]
    [InlineData("policy=P,value=V,rollout=R,visits=10,time=5", "not both")]
    [InlineData("policy=P,value=V,rollout=R,depth=3", "unknown setting 'depth'")]
    [InlineData("policy=P,value=V,rollout=R,visits=ten", "visits=ten")]
    [InlineData("policy=Z,visits=0", "not an AlphaGo policy network")]
    [InlineData("policy=V,visits=0", "not an AlphaGo policy network")]
    [InlineData("policy=P,value=P,lambda=0", "not an AlphaGo value network")]
    [InlineData("policy=P,value=V,rollout=P,visits=4", "not a Sente rollout-weights file")]
    [InlineData("policy=/nonexistent.ckpt,visits=0", "not found")]
    public void BadSpecsGiveClearErrors(string spec, string expected)
    {
        spec = spec.Replace("policy=P", $"policy={_policy}").Replace("value=V", $"value={_value}").Replace("rollout=R", $"rollout={_rollout}")
            .Replace("policy=Z", $"policy={_zero}").Replace("policy=V", $"policy={_value}").Replace("value=P", $"value={_policy}")
            .Replace("rollout=P", $"rollout={_policy}");
        var e = Assert.Throws<ArgumentException>(() => PlayerCatalog.Default.CreateRegistry().Create("apv:" + spec, 1));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void BenchApvReportsSimulationsAndNetworkEvaluationsOfEachVariant()
    {
        string players = $"mixed=apv:policy={_policy},value={_value},rollout={_rollout},visits=24;" +
                         $"value=apv:policy={_policy},value={_value},lambda=0,visits=24;rollouts=apv:policy={_policy},rollout={_rollout},lambda=1,visits=24";
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.True(SenteApp.Run(["bench", "apv", "--players", players, "--positions", "3"], o, e) == 0, e.ToString() + o);
        string text = o.ToString();
        string Row(string name) => text.Split('\n').Single(l => l.StartsWith($"│ {name} ", StringComparison.Ordinal));
        string[] Cells(string name) => Row(name).Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // A visit limit makes every search exactly 24 simulations.
        foreach (string name in new[] { "mixed", "value", "rollouts" })
        {
            Assert.Equal("24", Cells(name)[2]);
            Assert.Equal("24..24", Cells(name)[3]);
        }
        Assert.Equal("-", Cells("rollouts")[7]);                        // no value network
        Assert.True(double.Parse(Cells("value")[7], System.Globalization.CultureInfo.InvariantCulture) > 0);
        // Value only expands every leaf (nthr 1): at least one prior evaluation per simulation but the first few.
        Assert.True(double.Parse(Cells("value")[5], System.Globalization.CultureInfo.InvariantCulture) >= 20, Row("value"));
        Assert.Contains("3 positions of 9x9", text);

        Assert.NotEqual(0, SenteApp.Run(["bench", "apv", "--players", $"a=apv:policy={_policy},visits=0"], o, e));
        Assert.Contains("visits=0 does not search", e.ToString());
    }

    [Fact]
    public void TournamentPlaysEveryPairWritesEloAndResumes()
    {
        string output = Path.Combine(_dir, "t", "tournament.json");
        string players = $"pol=apv:policy={_policy},visits=0;rnd=random;mix=apv:policy={_policy},value={_value},rollout={_rollout},visits=2";
        string[] args = ["lee", "tournament", "--players", players, "--games", "2", "--out", output];
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.True(SenteApp.Run(args, o, e) == 0, e.ToString() + o);
        using (var doc = JsonDocument.Parse(File.ReadAllText(output)))
        {
            JsonElement root = doc.RootElement;
            Assert.Equal(3, root.GetProperty("Players").GetArrayLength());
            Assert.Equal(3, root.GetProperty("Results").GetArrayLength());
            foreach (JsonElement r in root.GetProperty("Results").EnumerateArray())
                Assert.Equal(2, r.GetProperty("AWins").GetInt32() + r.GetProperty("BWins").GetInt32() + r.GetProperty("Draws").GetInt32());
            Assert.Equal(0, root.GetProperty("Elo").GetProperty("pol").GetDouble());
        }
        Assert.Equal(6, Directory.GetFiles(Path.Combine(_dir, "t", "tournament-games"), "*.sgf", SearchOption.AllDirectories).Length);

        o = new StringWriter();
        Assert.True(SenteApp.Run(args, o, e) == 0, e.ToString() + o);
        Assert.Contains("3 finished pairings kept", o.ToString());

        Assert.NotEqual(0, SenteApp.Run(["lee", "tournament", "--players", "a=random", "--out", output], o, e));
        Assert.Contains("at least two players", e.ToString());
        Assert.NotEqual(0, SenteApp.Run(["lee", "tournament", "--players", "a=random;b=nosuch", "--out", output], o, e));
        Assert.Contains("unknown player 'nosuch'", e.ToString());
    }

    [Fact]
    public void EloFitMatchesTheTwoPlayerClosedFormAndAnchorsTheFirst()
    {
        // Two players, 7-3 plus one virtual draw: 7.5 / 3.5 -> 400 log10(7.5/3.5) = 132.4 Elo.
        var elo = TournamentRecord.FitElo(["a", "b"], [new PairResult("a", "b", 7, 3, 0, 10)]);
        Assert.Equal(0, elo["a"]);
        Assert.Equal(-132.4, elo["b"], 1);
        // Transitive three-player round robin: ordered ratings.
        elo = TournamentRecord.FitElo(["x", "y", "z"],
            [new PairResult("x", "y", 2, 8, 0, 10), new PairResult("x", "z", 1, 9, 0, 10), new PairResult("y", "z", 3, 7, 0, 10)]);
        Assert.True(elo["z"] > elo["y"] && elo["y"] > elo["x"]);
    }
}
