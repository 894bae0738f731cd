using Sente.Nn.Models;

namespace Sente.Lee.Networks;

/// <summary>
/// AlphaGo's value network (49 planes: the 48 policy features + the colour plane) as the leaf-value source of
/// APV-MCTS: value = v(s) for the player to move, in [-1, 1]. Priors are uniform over the legal moves (APV-MCTS takes
/// priors elsewhere). Thread-safe.
/// </summary>
public sealed class ValueNetEvaluator : LeeNetEvaluator
{
    public ValueNetEvaluator(AlphaGoValueNet net, string device = "cpu", ulong seed = 1)
        : base(net, net.Config.BoardSize, CheckPlanes(net.Config.InputPlanes), 1, device, seed) { }

    private static int CheckPlanes(int planes) => planes == 49 ? planes
        : throw new ArgumentException($"a value network reads AlphaGo's 49 planes, this one {planes}");

    protected override void Fill(ReadOnlySpan<float> output, List<int> legal, Span<float> priors, ref float value)
    {
        priors.Clear();
        foreach (int a in legal) priors[a] = 1f / legal.Count;
        value = Math.Clamp(float.IsFinite(output[0]) ? output[0] : 0f, -1f, 1f);
    }
}
