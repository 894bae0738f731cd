using Sente.Core;
using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search;

/// <summary>
/// The classic UCT baseline: uniform priors over legal actions, value = mean outcome of <paramref name="rollouts"/>
/// uniformly random playouts to the end of the game (capped at twice <see cref="IGame.MaxGameLength"/> moves,
/// a capped playout counts as a draw), for the player to move.
/// <para>Thread-safe: each call draws its own generator from a seeded master, so single-threaded use is
/// reproducible.</para>
/// </summary>
public sealed class RandomRolloutEvaluator(ulong seed, int rollouts = 1) : IEvaluator
{
    private readonly Rng _master = new(seed);
    private readonly int _rollouts = rollouts >= 1 ? rollouts : throw new ArgumentOutOfRangeException(nameof(rollouts), rollouts, "must be >= 1");

    public void Evaluate(IReadOnlyList<IGameState> states, Span<float> priors, Span<float> values)
    {
        if (states.Count == 0) return;
        Rng rng;
        lock (_master) rng = _master.Fork();
        int n = states[0].Game.NumActions;
        priors[..(states.Count * n)].Clear();
        var legal = new List<int>();
        for (int i = 0; i < states.Count; i++)
        {
            IGameState state = states[i];
            state.LegalActions(legal);
            float p = legal.Count == 0 ? 0f : 1f / legal.Count;
            foreach (int a in legal) priors[i * n + a] = p;
            int me = state.CurrentPlayer;
            int cap = 2 * state.Game.MaxGameLength;
            double total = 0;
            for (int r = 0; r < _rollouts; r++)
            {
                IGameState play = state.Clone();
                for (int m = 0; m < cap && !play.IsTerminal; m++)
                {
                    play.LegalActions(legal);
                    play.Apply(legal[rng.NextInt(legal.Count)]);
                }
                total += play.IsTerminal ? play.Returns(me) : 0;
            }
            values[i] = (float)(total / _rollouts);
        }
    }
}
