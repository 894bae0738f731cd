using Sente.Go;
using Sente.Nn;
using Sente.Nn.Models;
using Sente.Lee.Stages;
using static TorchSharp.torch;

namespace Sente.Tests.Lee.Stages;

/// <summary>Games played by AlphaGo policy networks alone, in lockstep.</summary>
public class PolicyGamesTests
{
    internal static AlphaGoPolicyNet TinyNet(int size, long seed, int planes = 48)
    {
        TorchRuntime.InitializeProcess();
        random.manual_seed(seed);
        return new AlphaGoPolicyNet(new ModelConfig(ModelKind.AlphaGoPolicy, size, planes, Filters: 8, Layers: 3));
    }

    [Fact]
    public void GamesAreLegalCompleteNeverFillOwnEyesAndPassOnlyWhenForced()
    {
        using var a = TinyNet(7, 1);
        using var b = TinyNet(7, 2, planes: 12);
        var setups = Enumerable.Range(0, 6).Select(i => PolicyGameSetup.ByColour(i % 2, 1 - i % 2)).ToList();
        var o = new PolicyGameOptions(Size: 7);
        var r = PolicyGames.Play([a, b], setups, o, seed: 5, recordNetwork: 0);
        Assert.Equal(6, r.Games.Count);
        int recorded = 0;
        for (int g = 0; g < r.Games.Count; g++)
        {
            PolicyGame game = r.Games[g];
            Assert.Equal(game.Moves.Length, game.Networks.Length);
            var s = new GoState(7, 7.5, Rules.TrompTaylor);
            for (int i = 0; i < game.Moves.Length; i++)
            {
                Stone c = s.ToMove;
                int move = game.Moves[i];
                Assert.Equal(i % 2 == 0 ? g % 2 : 1 - g % 2, game.Networks[i]);
                bool anySensible = Enumerable.Range(0, 49).Any(p => s.IsLegal(c, p) && !s.Board.IsOnePointEye(c, p));
                if (move == s.Pass) Assert.False(anySensible, $"game {g} ply {i}: passed with a sensible move left");
                else
                {
                    Assert.True(s.IsLegal(c, move), $"game {g} ply {i}: illegal move {move}");
                    Assert.False(s.Board.IsOnePointEye(c, move), $"game {g} ply {i}: filled an own eye");
                }
                int choices = Enumerable.Range(0, 49).Count(p => s.IsLegal(c, p) && !s.Board.IsOnePointEye(c, p));
                if (game.Networks[i] == 0 && choices >= 2) recorded++;
                s.Play(c, move);
            }
            Assert.True(s.ConsecutivePasses >= 2 ^ game.Capped, $"game {g} ended neither by two passes nor by the cap");
            Assert.Equal(s.Score(), game.Score);
            Assert.True(game.Moves.Length > 20);
        }
        PolicySamples samples = r.Samples!;
        Assert.Equal(recorded, samples.Count);
        for (int i = 0; i < samples.Count; i++)
        {
            PolicyGame game = r.Games[samples.Games[i]];
            Assert.Equal(game.Z(samples.Colours[i]), samples.Outcomes[i]);
            Assert.True(samples.Allowed(i)[samples.Actions[i]]);
            Assert.Equal(0 == samples.Games[i] % 2 ? Stone.Black : Stone.White, samples.Colours[i]);
        }
        Assert.All(r.Games, game => Assert.Equal(game.Z(Stone.Black), -game.Z(Stone.White)));
    }

    [Fact]
    public void SameSeedSameGamesOtherSeedOtherGames()
    {
        using var a = TinyNet(5, 3);
        var setups = Enumerable.Range(0, 4).Select(_ => PolicyGameSetup.ByColour(0, 0)).ToList();
        var o = new PolicyGameOptions(Size: 5, Komi: 0.5);
        var r1 = PolicyGames.Play([a], setups, o, seed: 9);
        var r2 = PolicyGames.Play([a], setups, o, seed: 9);
        var r3 = PolicyGames.Play([a], setups, o, seed: 10);
        Assert.Equal(r1.Games.Select(g => string.Join(",", g.Moves)), r2.Games.Select(g => string.Join(",", g.Moves)));
        Assert.NotEqual(r1.Games.Select(g => string.Join(",", g.Moves)), r3.Games.Select(g => string.Join(",", g.Moves)));
        // Games of one batch differ from each other (each has its own generator).
        Assert.True(r1.Games.Select(g => string.Join(",", g.Moves)).Distinct().Count() > 1);
        // Greedy play is deterministic whatever the seed.
        var g1 = PolicyGames.Play([a], setups.Take(1).ToList(), o with { Greedy = true }, seed: 1);
        var g2 = PolicyGames.Play([a], setups.Take(1).ToList(), o with { Greedy = true }, seed: 2);
        Assert.Equal(g1.Games[0].Moves, g2.Games[0].Moves);
    }

    [Fact]
    public void PerNetworkTemperatureZeroPlaysThatNetworksBestMoveAndTheOtherStillSamples()
    {
        using var sl = TinyNet(5, 6);
        using var rl = TinyNet(5, 7);
        // The SL net samples plies 0..5 at temperature 1; the RL net plays greedily after.
        var setups = Enumerable.Range(0, 4).Select(_ => PolicyGameSetup.Switch(0, 1, 6)).ToList();
        var o = new PolicyGameOptions(Size: 5, Komi: 0.5, NetworkTemperatures: [1.0, 0.0]);
        Assert.Equal(1.0, o.TemperatureOf(0));
        Assert.Equal(0.0, o.TemperatureOf(1));
        Assert.Equal(1.0, o.TemperatureOf(2));
        var r = PolicyGames.Play([sl, rl], setups, o, seed: 3);
        Assert.True(r.Games.Select(g => string.Join(",", g.Moves.Take(6))).Distinct().Count() > 1, "the sampled openings should differ");
        var greedyRl = new PolicyNetPlayer(rl, temperature: 0, seed: 99, name: "rl");
        int checkedMoves = 0;
        foreach (PolicyGame game in r.Games)
        {
            var s = new GoState(5, 0.5, Rules.TrompTaylor);
            for (int i = 0; i < game.Moves.Length; i++)
            {
                if (game.Networks[i] == 1)
                {
                    Assert.Equal(greedyRl.ChooseMove(s), game.Moves[i]);
                    checkedMoves++;
                }
                s.Play(s.ToMove, game.Moves[i]);
            }
        }
        Assert.True(checkedMoves > 20, $"{checkedMoves} greedy moves checked");
        Assert.Throws<ArgumentException>(() => (o with { NetworkTemperatures = [1.0, -0.5] }).Validate());
        Assert.Throws<ArgumentException>(() => (o with { NetworkTemperatures = [double.NaN] }).Validate());
    }

    [Fact]
    public void OverrideHookSwitchSetupAndCap()
    {
        using var sl = TinyNet(5, 4);
        using var rl = TinyNet(5, 5);
        const int u = 6;
        var setups = Enumerable.Range(0, 3).Select(_ => PolicyGameSetup.Switch(0, 1, u + 1)).ToList();
        var randomMoves = new List<(int Game, int Move)>();
        var r = PolicyGames.Play([sl, rl], setups, new PolicyGameOptions(Size: 5), seed: 2, recordNetwork: 1,
            moveOverride: (g, s, rng) =>
            {
                if (s.MoveNumber != u) return null;
                int m = PolicyGames.UniformLegalMove(s, rng);
                randomMoves.Add((g, m));
                return m;
            });
        Assert.Equal(3, randomMoves.Count);
        foreach (var (g, m) in randomMoves)
        {
            PolicyGame game = r.Games[g];
            Assert.Equal(m, game.Moves[u]);
            Assert.Equal(-1, game.Networks[u]);
            Assert.All(game.Networks.Take(u), k => Assert.Equal(0, k));
            Assert.All(game.Networks.Skip(u + 1), k => Assert.Equal(1, k));
        }
        Assert.All(r.Samples!.Games, g => Assert.InRange(g, 0, 2));
        Assert.Throws<ArgumentException>(() => PolicyGames.Play([sl], setups.Take(1).ToList(), new PolicyGameOptions(Size: 5), 1,
            moveOverride: (_, s, _) => s.MoveNumber == 0 ? 25 + 3 : null));
        var capped = PolicyGames.Play([sl], setups.Take(1).Select(_ => PolicyGameSetup.ByColour(0, 0)).ToList(),
            new PolicyGameOptions(Size: 5, MaxMoves: 7), 1);
        Assert.Equal(7, capped.Games[0].Moves.Length);
        Assert.True(capped.Games[0].Capped);
        using var wrongSize = TinyNet(7, 1);
        Assert.Throws<ArgumentException>(() => PolicyGames.Play([wrongSize], setups.Take(1).ToList(), new PolicyGameOptions(Size: 5), 1));
    }
}
