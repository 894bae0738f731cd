using Sente.Core;
using Sente.Core.Games;
using Sente.Games;

namespace Sente.Tests.Games;

/// <summary>
/// The contract of <see cref="IGameState"/>, checked on every game (OpenSpiel's generic game tests). To add a game,
/// add one line to <see cref="Factories"/>.
/// </summary>
public class GameConformance
{
    /// <summary>Every game under test, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IGame>> Factories = new Dictionary<string, Func<IGame>>
    {
        ["tictactoe"] = () => TicTacToe.Instance,
        ["connect4"] = () => ConnectFour.Instance,
        ["claim"] = () => new ClaimGame(4), // a test game with a pass and two-pass ending, like Go
    };

    public static TheoryData<string> Names() => new(Factories.Keys);

    private static IGame Make(string name) => Factories[name]();

    /// <summary>Plays one seeded random game, calling <paramref name="onPosition"/> before every move.</summary>
    private static (IGameState State, List<int> Actions) RandomGame(IGame game, ulong seed, Action<IGameState>? onPosition = null)
    {
        var rng = new Rng(seed);
        IGameState s = game.NewInitialState();
        var legal = new List<int>();
        var actions = new List<int>();
        while (!s.IsTerminal)
        {
            onPosition?.Invoke(s);
            s.LegalActions(legal);
            int a = legal[rng.NextInt(legal.Count)];
            actions.Add(a);
            s.Apply(a);
            Assert.True(actions.Count <= game.MaxGameLength, $"{game.Name}: game longer than MaxGameLength");
        }
        return (s, actions);
    }

    [Theory, MemberData(nameof(Names))]
    public void RandomPlayReachesAValidEnd(string name)
    {
        IGame game = Make(name);
        var legal = new List<int>();
        for (ulong seed = 1; seed <= 30; seed++)
        {
            int expectedMove = 0;
            var (end, actions) = RandomGame(game, seed, s =>
            {
                Assert.Equal(expectedMove++, s.MoveNumber);
                Assert.InRange(s.CurrentPlayer, 0, 1);
                Assert.Equal(0.0, s.Returns(0));
                s.LegalActions(legal);
                Assert.NotEmpty(legal);
                Assert.Equal(legal.OrderBy(a => a), legal);
                Assert.Equal(legal.Distinct().Count(), legal.Count);
                for (int a = 0; a < game.NumActions; a++) Assert.Equal(legal.Contains(a), s.IsLegal(a));
                Assert.False(s.IsLegal(-1));
                Assert.False(s.IsLegal(game.NumActions));
                Assert.False(string.IsNullOrWhiteSpace(s.ActionToString(legal[0])));
            });
            Assert.True(end.IsTerminal);
            Assert.Equal(actions.Count, end.MoveNumber);
            end.LegalActions(legal);
            Assert.Empty(legal);
            Assert.Contains(end.Returns(0), new[] { -1.0, 0.0, 1.0 });
            Assert.Equal(0.0, end.Returns(0) + end.Returns(1));
            Assert.Throws<InvalidOperationException>(() => end.Apply(actions[0]));
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void IllegalMovesAndEmptyUndoThrow(string name)
    {
        IGameState s = Make(name).NewInitialState();
        Assert.Throws<InvalidOperationException>(() => s.Undo());
        Assert.Throws<InvalidOperationException>(() => s.Apply(-1));
        Assert.Throws<InvalidOperationException>(() => s.Apply(s.Game.NumActions));
        Assert.Equal(0, s.MoveNumber);
    }

    [Theory, MemberData(nameof(Names))]
    public void ClonesAreIndependent(string name)
    {
        IGame game = Make(name);
        var (_, actions) = RandomGame(game, 7);
        IGameState a = game.NewInitialState();
        int half = actions.Count / 2;
        for (int i = 0; i < half; i++) a.Apply(actions[i]);
        IGameState b = a.Clone();
        Assert.Equal(a.PositionHash, b.PositionHash);
        Assert.Equal(a.MoveNumber, b.MoveNumber);
        ulong hashA = a.PositionHash;
        for (int i = half; i < actions.Count; i++) b.Apply(actions[i]);
        Assert.Equal(hashA, a.PositionHash);
        Assert.Equal(half, a.MoveNumber);
        Assert.False(a.IsTerminal);
        Assert.True(b.IsTerminal);
        // And the other way round: changing the original leaves the clone alone.
        IGameState c = a.Clone();
        a.Apply(actions[half]);
        Assert.Equal(hashA, c.PositionHash);
        // A clone keeps the history: it can undo back to the start.
        for (int i = 0; i < half; i++) c.Undo();
        Assert.Equal(game.NewInitialState().PositionHash, c.PositionHash);
    }

    [Theory, MemberData(nameof(Names))]
    public void UndoRestoresEveryPosition(string name)
    {
        IGame game = Make(name);
        var shape = game.ObservationShape;
        int size = shape.Channels * shape.Height * shape.Width;
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var snapshots = new List<(ulong Hash, int Player, int[] Legal, float[] Obs)>();
            var legal = new List<int>();
            var (s, actions) = RandomGame(game, seed, st =>
            {
                st.LegalActions(legal);
                var obs = new float[size];
                st.WriteObservation(obs);
                snapshots.Add((st.PositionHash, st.CurrentPlayer, legal.ToArray(), obs));
            });
            for (int i = actions.Count - 1; i >= 0; i--)
            {
                s.Undo();
                var snap = snapshots[i];
                Assert.False(s.IsTerminal);
                Assert.Equal(i, s.MoveNumber);
                Assert.Equal(snap.Hash, s.PositionHash);
                Assert.Equal(snap.Player, s.CurrentPlayer);
                s.LegalActions(legal);
                Assert.Equal(snap.Legal, legal);
                var obs = new float[size];
                s.WriteObservation(obs);
                Assert.Equal(snap.Obs, obs);
            }
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void ReplayingTheSameActionsGivesTheSameStates(string name)
    {
        IGame game = Make(name);
        var shape = game.ObservationShape;
        int size = shape.Channels * shape.Height * shape.Width;
        var (_, actions) = RandomGame(game, 11);
        IGameState x = game.NewInitialState(), y = game.NewInitialState();
        var ox = new float[size];
        var oy = new float[size];
        foreach (int a in actions)
        {
            x.Apply(a);
            y.Apply(a);
            Assert.Equal(x.PositionHash, y.PositionHash);
            Assert.Equal(x.IsTerminal, y.IsTerminal);
            Assert.Equal(x.Returns(0), y.Returns(0));
            x.WriteObservation(ox);
            y.WriteObservation(oy);
            Assert.Equal(ox, oy);
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void ObservationHasTheDeclaredShapeAndIsFullyWritten(string name)
    {
        IGame game = Make(name);
        var (c, h, w) = game.ObservationShape;
        Assert.True(c > 0 && h > 0 && w > 0);
        int size = c * h * w;
        var seen = new HashSet<string>();
        RandomGame(game, 3, s =>
        {
            var obs = new float[size + 1];
            obs.AsSpan().Fill(float.NaN);
            s.WriteObservation(obs.AsSpan(0, size));
            Assert.All(obs.Take(size), v => Assert.True(float.IsFinite(v)));
            Assert.True(float.IsNaN(obs[size]), "wrote past the declared shape");
            seen.Add(string.Join(",", obs.Take(size)));
        });
        Assert.True(seen.Count > 2, "observations do not change as the game goes on");
    }

    [Theory, MemberData(nameof(Names))]
    public void HashesDifferAlongAGame(string name)
    {
        var hashes = new HashSet<ulong>();
        int positions = 0;
        RandomGame(Make(name), 5, s => { hashes.Add(s.PositionHash); positions++; });
        Assert.Equal(positions, hashes.Count);
    }
}
