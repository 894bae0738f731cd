using System.Security.Cryptography;
using Sente.Nn.Checkpoints;
using Sente.Core.IO;

namespace Sente.Lee.Rollout;

/// <summary>Rollout-policy weights on disk: "SENTEROL", int32 version 1, int32 count, count float32 (little-endian),
/// 32-byte SHA-256 of the floats. Written atomically; bad files raise <see cref="CheckpointException"/>.</summary>
public static class RolloutWeightsFile
{
    private static readonly byte[] Magic = "SENTEROL"u8.ToArray();

    public static void Save(string path, RolloutPolicy policy)
    {
        byte[] data = new byte[policy.Weights.Length * sizeof(float)];
        Buffer.BlockCopy(policy.Weights, 0, data, 0, data.Length);
        AtomicFile.Write(path, s =>
        {
            s.Write(Magic);
            s.Write(BitConverter.GetBytes(1));
            s.Write(BitConverter.GetBytes(policy.Weights.Length));
            s.Write(data);
            s.Write(SHA256.HashData(data));
        });
    }

    public static RolloutPolicy Load(string path, bool skipOwnEyes = true)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CheckpointException($"{path}: cannot read rollout weights: {e.Message}", e); }
        if (bytes.Length < 16 || !bytes.AsSpan(0, 8).SequenceEqual(Magic)) throw new CheckpointException($"{path}: not a Sente rollout-weights file");
        if (BitConverter.ToInt32(bytes, 8) != 1) throw new CheckpointException($"{path}: rollout-weights version {BitConverter.ToInt32(bytes, 8)}, expected 1");
        int count = BitConverter.ToInt32(bytes, 12);
        if (count != RolloutFeatures.Count) throw new CheckpointException($"{path}: {count} weights, this build's rollout features need {RolloutFeatures.Count}");
        if (bytes.Length != 16 + count * 4 + 32) throw new CheckpointException($"{path}: truncated rollout-weights file");
        var data = bytes.AsSpan(16, count * 4);
        if (!SHA256.HashData(data).AsSpan().SequenceEqual(bytes.AsSpan(16 + count * 4, 32))) throw new CheckpointException($"{path}: corrupt rollout-weights file (checksum)");
        var weights = new float[count];
        Buffer.BlockCopy(bytes, 16, weights, 0, count * 4);
        return new RolloutPolicy(weights, skipOwnEyes);
    }
}
