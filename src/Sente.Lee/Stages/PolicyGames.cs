using Sente.Core;
using Sente.Go;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Lee.Features;

namespace Sente.Lee.Stages;

/// <summary>
/// Many Go games played in lockstep by AlphaGo policy networks alone (no search): AlphaGo's RL self-play games, its
/// RL-vs-SL evaluation and the value network's data games. Each round, one batched forward per network over all the
/// games where that network is to move. A move is sampled from softmax(logits / T) over the allowed moves (legal, not
/// filling one of the mover's own one-point eyes, as the random player), or the best one when greedy; a player passes
/// only when no other move is allowed, so games are played out and end by two passes or at the move cap, then are
/// scored by Tromp-Taylor area plus komi. Positions with a single allowed move need no network call.
/// <para>Deterministic for a seed: game i has its own generator seeded from (seed, i). Not thread-safe; the
/// networks are only read (no gradients), and must be on <see cref="PolicyGameOptions.Device"/>.</para>
/// </summary>
public static class PolicyGames
{
    /// <summary>Plays one game per entry of <paramref name="setups"/> with <paramref name="networks"/>.</summary>
    /// <param name="recordNetwork">Index of the network whose real choices are recorded in
    /// <see cref="PolicyGamesResult.Samples"/> (-1: none).</param>
    /// <param name="moveOverride">Optional hook that may replace any move (e.g. a uniformly random move at ply U).</param>
    /// <exception cref="ArgumentException">A network does not fit the board, a setup names a missing network, or the
    /// hook returns an illegal move.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled (between rounds).</exception>
    public static PolicyGamesResult Play(IReadOnlyList<AlphaGoPolicyNet> networks, IReadOnlyList<PolicyGameSetup> setups,
        PolicyGameOptions options, ulong seed, int recordNetwork = -1, MoveOverride? moveOverride = null,
        CancellationToken cancel = default)
    {
        PolicyGameOptions o = options.Validate();
        foreach (AlphaGoPolicyNet net in networks)
            if (net.Config.BoardSize != o.Size || net.Config.InputPlanes > PolicySamples.PlaneCount)
                throw new ArgumentException($"a {Sente.Nn.Checkpoints.Checkpoint.Describe(net.Config)} network cannot play {o.Size}x{o.Size} games " +
                                            $"with AlphaGo's {PolicySamples.PlaneCount} planes");
        int n = o.Size * o.Size, actions = n + 1, planeFloats = PolicySamples.PlaneCount * n;
        var encoder = new AlphaGoEncoder(o.Size);
        Device device = torch.device(o.Device);
        var rules = o.Rules ?? Rules.TrompTaylor;
        PolicySamples? samples = recordNetwork >= 0 ? new PolicySamples(o.Size) : null;

        var games = new Live[setups.Count];
        for (int i = 0; i < games.Length; i++)
            games[i] = new Live(new GoState(o.Size, o.Komi, rules), new Rng(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(i + 1))), setups[i]);
        var finished = new PolicyGame?[games.Length];
        var pending = new List<int>[networks.Count];
        for (int k = 0; k < pending.Length; k++) pending[k] = [];
        int live = games.Length;
        var chosen = new int[games.Length];
        var mover = new int[games.Length];

        while (live > 0)
        {
            cancel.ThrowIfCancellationRequested();
            foreach (var p in pending) p.Clear();
            for (int g = 0; g < games.Length; g++)
            {
                Live game = games[g];
                if (finished[g] is not null) continue;
                GoState s = game.State;
                int? forced = moveOverride?.Invoke(g, s, game.Rng);
                if (forced is int f)
                {
                    if (!s.IsLegal(s.ToMove, f, out string why))
                        throw new ArgumentException($"game {g}, ply {s.MoveNumber}: the move override chose {f}, which is illegal ({why})");
                    (chosen[g], mover[g]) = (f, -1);
                    continue;
                }
                int k = game.Setup.NetworkFor(s.MoveNumber, s.ToMove);
                if ((uint)k >= (uint)networks.Count)
                    throw new ArgumentException($"game {g}: the setup names network {k}, but {networks.Count} were given");
                mover[g] = k;
                // Encode once: the sensibleness plane is exactly the allowed-move mask.
                var planes = new float[planeFloats];
                encoder.Encode(s, planes);
                var allowed = new bool[actions];
                int count = 0, only = n;
                for (int p = 0; p < n; p++)
                    if (planes[AlphaGoEncoder.Sensibleness * n + p] != 0) { allowed[p] = true; count++; only = p; }
                if (count <= 1) { chosen[g] = count == 0 ? n : only; continue; }
                game.Planes = planes;
                game.Allowed = allowed;
                pending[k].Add(g);
            }
            for (int k = 0; k < networks.Count; k++)
            {
                if (pending[k].Count == 0) continue;
                float[] logits = Forward(networks[k], pending[k], games, n, device);
                for (int b = 0; b < pending[k].Count; b++)
                {
                    int g = pending[k][b];
                    Live game = games[g];
                    chosen[g] = Choose(logits.AsSpan(b * actions, actions), game.Allowed!, o.TemperatureOf(k), game.Rng);
                    if (k == recordNetwork) samples!.Add(game.Planes!, game.Allowed!, chosen[g], g, game.State.ToMove);
                    game.Planes = null;
                    game.Allowed = null;
                }
            }
            for (int g = 0; g < games.Length; g++)
            {
                if (finished[g] is not null) continue;
                Live game = games[g];
                game.Moves.Add(chosen[g]);
                game.Networks.Add(mover[g]);
                game.State.Play(game.State.ToMove, chosen[g]);
                bool capped = game.State.MoveNumber >= o.Cap;
                if (game.State.ConsecutivePasses < 2 && !capped) continue;
                finished[g] = new PolicyGame([.. game.Moves], [.. game.Networks], game.State.Score(), capped && game.State.ConsecutivePasses < 2);
                live--;
            }
        }
        var result = finished.Select(f => f!).ToArray();
        samples?.SetOutcomes(result);
        return new PolicyGamesResult(result, samples);
    }

    /// <summary>A uniformly random legal point for the player to move (AlphaGo's random move at ply U of the value
    /// data games: any legal move, eye fills included); pass only when no point is legal.</summary>
    public static int UniformLegalMove(GoState state, Rng rng)
    {
        ReadOnlySpan<int> empties = state.Board.EmptyPoints;
        Span<int> candidates = stackalloc int[empties.Length];
        empties.CopyTo(candidates);
        for (int remaining = candidates.Length; remaining > 0; remaining--)
        {
            int i = rng.NextInt(remaining);
            if (state.IsLegal(state.ToMove, candidates[i])) return candidates[i];
            candidates[i] = candidates[remaining - 1];
        }
        return state.Pass;
    }

    /// <summary>Samples softmax(logits / T) restricted to <paramref name="allowed"/>, or takes its best move when
    /// <paramref name="temperature"/> is 0.</summary>
    internal static int Choose(ReadOnlySpan<float> logits, bool[] allowed, double temperature, Rng rng)
    {
        int best = -1;
        float max = float.NegativeInfinity;
        for (int a = 0; a < allowed.Length; a++)
            if (allowed[a] && (best < 0 || logits[a] > max)) (best, max) = (a, logits[a]);
        if (temperature == 0) return best;
        Span<double> w = stackalloc double[allowed.Length];
        double total = 0;
        for (int a = 0; a < allowed.Length; a++)
            total += w[a] = allowed[a] ? Math.Exp((logits[a] - max) / temperature) : 0;
        double r = rng.NextDouble() * total;
        for (int a = 0; a < allowed.Length; a++)
        {
            if (!allowed[a]) continue;
            r -= w[a];
            if (r < 0) return a;
        }
        return best;
    }

    /// <summary>Logits (games.Count x (N*N+1)) of <paramref name="net"/> for the pending games' stored planes.</summary>
    private static float[] Forward(AlphaGoPolicyNet net, List<int> pending, Live[] games, int n, Device device)
    {
        int planes = net.Config.InputPlanes, used = planes * n;
        var x = new float[pending.Count * used];
        for (int b = 0; b < pending.Count; b++) games[pending[b]].Planes.AsSpan(0, used).CopyTo(x.AsSpan(b * used, used));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor input = tensor(x, new long[] { pending.Count, planes, net.Config.BoardSize, net.Config.BoardSize });
        if (device.type != DeviceType.CPU) input = input.to(device);
        return net.forward(input).cpu().data<float>().ToArray();
    }

    private sealed class Live(GoState state, Rng rng, PolicyGameSetup setup)
    {
        public GoState State { get; } = state;
        public Rng Rng { get; } = rng;
        public PolicyGameSetup Setup { get; } = setup;
        public List<int> Moves { get; } = [];
        public List<int> Networks { get; } = [];
        public float[]? Planes { get; set; }
        public bool[]? Allowed { get; set; }
    }
}
