using System.Globalization;
using System.IO.Compression;
using System.Text;
using Sente.Nn.Blocks;
using Sente.Nn.Models;
using static TorchSharp.torch;
using Sente.Core.IO;

namespace Sente.Nn.Checkpoints;

/// <summary>
/// Writes a <see cref="ZeroNet"/> as a Leela Zero 0.17 weights file (text format version 1: value for the side to
/// move), so `leelaz -w file` runs the same network: for cross-checking outputs and for speed comparisons.
/// Requirements: 19x19, 18 input planes (Sente.Go.Features.StoneHistoryEncoder.LeelaZero18), a ResNet trunk
/// with BatchNorm, 256 value hidden units. Leela Zero's batch norm has no scale and shift, so each conv + BatchNorm
/// (eval mode: running statistics) is folded exactly into conv weights and a bias; the file then carries mean 0 and
/// variance 1 - 1e-5 so that Leela Zero's sqrt(var + 1e-5) is 1. Written atomically.
/// <see cref="Import"/> reads such files (text, optionally gzipped) into a new <see cref="ZeroNet"/>, as Leela Zero
/// loads them: BatchNorm without scale and shift, the conv bias folded into the mean.
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

    /// <summary>Reads a Leela Zero weights file (format version 1, optionally gzipped) into a new <see cref="ZeroNet"/>
    /// (eval mode). Blocks and filters come from the file.</summary>
    /// <exception cref="CheckpointException">Unreadable file, other version, wrong line count or lengths, bad numbers.</exception>
    public static ZeroNet Import(string path)
    {
        List<string> lines;
        try
        {
            using Stream raw = File.OpenRead(path);
            int b0 = raw.ReadByte(), b1 = raw.ReadByte();
            raw.Position = 0;
            using Stream s = b0 == 0x1f && b1 == 0x8b ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(s);
            lines = [];
            while (reader.ReadLine() is { } line) if (line.Length > 0) lines.Add(line);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CheckpointException($"{path}: cannot read Leela Zero weights: {e.Message}", e);
        }
        if (lines.Count == 0 || lines[0].Trim() != "1")
            throw new CheckpointException($"{path}: Leela Zero weights format version '{(lines.Count > 0 ? lines[0].Trim() : "")}' is not supported (only version 1)");
        if (lines.Count < 1 + 4 + 14 || (lines.Count - 19) % 8 != 0)
            throw new CheckpointException($"{path}: {lines.Count} lines do not form a Leela Zero network (1 + 4 + 8 x blocks + 14)");
        int blocks = (lines.Count - 19) / 8;
        int next = 1;
        float[] Read(int expected)
        {
            string[] parts = lines[next].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (expected >= 0 && parts.Length != expected)
                throw new CheckpointException($"{path}: line {next + 1} has {parts.Length} numbers, expected {expected}");
            var v = new float[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]))
                    throw new CheckpointException($"{path}: line {next + 1}: '{parts[i]}' is not a number");
            next++;
            return v;
        }
        int channels = lines[2].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var net = new ZeroNet(new ModelConfig(ModelKind.Zero, 19, 18, new TrunkConfig(TrunkKind.ResNet, blocks, channels, NormKind.Batch)));
        var sd = net.state_dict();
        void Set(string name, float[] values)
        {
            Tensor t = sd[name];
            using (no_grad()) t.copy_(tensor(values).reshape(t.shape));
        }
        void ConvBn(string conv, string norm, int inputs, int outputs)
        {
            Set(conv + ".weight", Read(outputs * inputs * (conv.StartsWith("trunk") ? 9 : 1)));
            float[] bias = Read(outputs), mean = Read(outputs), variance = Read(outputs);
            for (int i = 0; i < outputs; i++) mean[i] -= bias[i];
            Set(norm + ".running_mean", mean);
            Set(norm + ".running_var", variance);
            Set(norm + ".weight", Enumerable.Repeat(1f, outputs).ToArray());
            Set(norm + ".bias", new float[outputs]);
        }
        ConvBn("trunk.stem", "trunk.stem_norm", 18, channels);
        for (int b = 0; b < blocks; b++)
        {
            ConvBn($"trunk.blocks.{b}.conv1", $"trunk.blocks.{b}.norm1", channels, channels);
            ConvBn($"trunk.blocks.{b}.conv2", $"trunk.blocks.{b}.norm2", channels, channels);
        }
        ConvBn("policy_conv", "policy_norm", channels, 2);
        Set("policy_fc.weight", Read(362 * 722));
        Set("policy_fc.bias", Read(362));
        ConvBn("value_conv", "value_norm", channels, 1);
        Set("value_fc1.weight", Read(256 * 361));
        Set("value_fc1.bias", Read(256));
        Set("value_fc2.weight", Read(256));
        Set("value_fc2.bias", Read(1));
        net.eval();
        return net;
    }
}
