using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sente.Nn.Models;

/// <summary>
/// AlphaGo's policy network (Silver et al. 2016) for an N x N board: conv 5x5 (k filters, zero padding 2) + ReLU,
/// Layers - 2 convs 3x3 (k, padding 1) + ReLU, a final 1x1 conv with one filter and no bias plus a separate learned
/// bias for each board point. Optionally a learned pass logit from the globally averaged last hidden layer.
/// Input (B, InputPlanes, N, N); output logits (B, N*N + 1) with pass last (softmax = move probabilities); without
/// <see cref="ModelConfig.PassLogit"/> the pass logit is the constant -1e4.
/// </summary>
public sealed class AlphaGoPolicyNet : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> convs;
    private readonly nn.Module<Tensor, Tensor> output;
    private readonly Parameter point_bias;
    private readonly nn.Module<Tensor, Tensor>? pass;
    private readonly int points;

    public ModelConfig Config { get; }

    public AlphaGoPolicyNet(ModelConfig config) : base(nameof(AlphaGoPolicyNet))
    {
        Config = config.Validate();
        points = config.BoardSize * config.BoardSize;
        convs = AlphaGoLayers.Hidden(config.InputPlanes, config.Filters, config.Layers - 1);
        output = nn.Conv2d(config.Filters, 1, 1, bias: false);
        point_bias = new Parameter(zeros(points));
        pass = config.PassLogit ? nn.Linear(config.Filters, 1) : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = AlphaGoLayers.Run(convs, x);
        Tensor logits = ScalarSafe.Add(output.forward(h).flatten(1), point_bias);
        Tensor passLogit = pass is null
            ? ScalarSafe.Full(new long[] { x.shape[0], 1 }, -1e4f, logits.dtype, logits.device)
            : pass.forward(h.mean(new long[] { 2, 3 }));
        return cat(new[] { logits, passLogit }, 1).MoveToOuterDisposeScope();
    }
}
