using Sente.Core;
using Sente.Core.Games;
using Sente.Go;
using Sente.Nn.Models;
using static TorchSharp.torch;
using Sente.Lee.Features;

namespace Sente.Lee.Stages;

/// <summary>
/// AlphaGo's "policy network alone" player: no search, one forward per move. Temperature 1 samples the network's
/// distribution, as the paper's evaluation of the RL policy against the SL policy; temperature 0 plays the most
/// probable move. Same allowed moves as <see cref="PolicyGames"/> (legal, no own one-point eye fill; pass only when
/// nothing else is allowed). Seeded. Shares the network (several players may read one; the caller disposes it).
/// Not thread-safe.
/// </summary>
public sealed class PolicyNetPlayer : IPlayer
{
    private readonly AlphaGoPolicyNet _net;
    private readonly AlphaGoEncoder _encoder;
    private readonly double _temperature;
    private readonly Rng _rng;
    private readonly float[] _planes;
    private readonly bool[] _allowed;
    private readonly int _n;

    /// <param name="temperature">0: greedy; otherwise softmax(logits / T) over the allowed moves.</param>
    public PolicyNetPlayer(AlphaGoPolicyNet net, double temperature, ulong seed, string name)
    {
        if (temperature < 0 || !double.IsFinite(temperature)) throw new ArgumentException($"temperature must be >= 0 (got {temperature})");
        _net = net;
        int size = net.Config.BoardSize;
        _n = size * size;
        _encoder = new AlphaGoEncoder(size);
        _temperature = temperature;
        _rng = new Rng(seed);
        _planes = new float[PolicySamples.PlaneCount * _n];
        _allowed = new bool[_n + 1];
        Name = name;
    }

    public string Name { get; }

    /// <summary>Board size the network plays.</summary>
    public int Size => _net.Config.BoardSize;

    public int ChooseAction(IGameState state) => ChooseMove((GoState)state);

    /// <summary>The move (point, or pass N*N) for the player to move in <paramref name="state"/>, which is not changed.</summary>
    /// <exception cref="ArgumentException">The board size differs from the network's.</exception>
    public int ChooseMove(GoState state)
    {
        if (state.Size != Size) throw new ArgumentException($"the policy network plays {Size}x{Size}, the board is {state.Size}x{state.Size}");
        _encoder.Encode(state, _planes);
        int count = 0, only = _n;
        for (int p = 0; p < _n; p++)
        {
            _allowed[p] = _planes[AlphaGoEncoder.Sensibleness * _n + p] != 0;
            if (_allowed[p]) { count++; only = p; }
        }
        if (count <= 1) return count == 0 ? _n : only;
        int planes = _net.Config.InputPlanes;
        float[] logits;
        using (NewDisposeScope())
        using (no_grad())
        {
            Tensor x = tensor(_planes.AsSpan(0, planes * _n).ToArray(), new long[] { 1, planes, Size, Size });
            logits = _net.forward(x).data<float>().ToArray();
        }
        return PolicyGames.Choose(logits, _allowed, _temperature, _rng);
    }
}
