using System.Globalization;
using System.Text;
using Sente.Nn.Blocks;
using Sente.Nn.Models;
using static TorchSharp.torch;

namespace Sente.Nn.Checkpoints;

/// <summary>
/// Writes a <see cref="ZeroNet"/> as a Leela Zero 0.17 weights file (text format version 1: value for the side to
/// move), so `leelaz -w file` runs the same network: for cross-checking outputs and for speed comparisons.
/// Requirements: 19x19, 18 input planes (<see cref="Encoding.StoneHistoryEncoder.LeelaZero18"/>), a ResNet trunk
/// with BatchNorm, 256 value hidden units. Leela Zero's batch norm has no scale and shift, so each conv + BatchNorm
/// (eval mode: running statistics) is folded exactly into conv weights and a bias; the file then carries mean 0 and
/// variance 1 - 1e-5 so that Leela Zero's sqrt(var + 1e-5) is 1. Written atomically.
/// </summary>
public static class LeelaZeroWeights
{
    private const double Eps = 1e-5;

    /// <summary>Writes <paramref name="net"/> to <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The network is not of Leela Zero's shape.</exception>
    public static void Export(ZeroNet net, string path)
    {
        ModelConfig c = net.Config;
        TrunkConfig t = c.TrunkOrDefault;
        if (c.BoardSize != 19 || c.InputPlanes != 18 || t.Kind != TrunkKind.ResNet || t.Norm != NormKind.Batch || c.ValueHidden != 256)
            throw new ArgumentException("Leela Zero weights need a 19x19, 18-plane Zero net with a BatchNorm ResNet trunk and 256 value units " +
                                        $"(got {Checkpoint.Describe(c)}, value hidden {c.ValueHidden})");
        var sd = net.state_dict();
        float[] F(string name) => sd[name].to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        var sb = new StringBuilder();
        sb.Append("1\n");
        void Line(IEnumerable<float> values)
        {
            bool first = true;
            foreach (float v in values)
            {
                if (!first) sb.Append(' ');
                sb.Append(v.ToString("R", CultureInfo.InvariantCulture));
                first = false;
            }
            sb.Append('\n');
        }
        void ConvBn(string conv, string norm)
        {
            float[] w = F(conv + ".weight");
            float[] gamma = F(norm + ".weight"), beta = F(norm + ".bias"), mean = F(norm + ".running_mean"), variance = F(norm + ".running_var");
            int outs = gamma.Length, per = w.Length / outs;
            var folded = new float[w.Length];
            var bias = new float[outs];
            for (int o = 0; o < outs; o++)
            {
                double scale = gamma[o] / Math.Sqrt(variance[o] + Eps);
                for (int i = 0; i < per; i++) folded[o * per + i] = (float)(w[o * per + i] * scale);
                bias[o] = (float)(beta[o] - mean[o] * scale);
            }
            Line(folded);
            Line(bias);
            Line(new float[outs]);
            Line(Enumerable.Repeat((float)(1 - Eps), outs));
        }
        ConvBn("trunk.stem", "trunk.stem_norm");
        for (int b = 0; b < t.Blocks; b++)
        {
            ConvBn($"trunk.blocks.{b}.conv1", $"trunk.blocks.{b}.norm1");
            ConvBn($"trunk.blocks.{b}.conv2", $"trunk.blocks.{b}.norm2");
        }
        ConvBn("policy_conv", "policy_norm");
        Line(F("policy_fc.weight"));
        Line(F("policy_fc.bias"));
        ConvBn("value_conv", "value_norm");
        Line(F("value_fc1.weight"));
        Line(F("value_fc1.bias"));
        Line(F("value_fc2.weight"));
        Line(F("value_fc2.bias"));
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(sb.ToString());
        AtomicFile.Write(path, s => s.Write(bytes));
    }
}
