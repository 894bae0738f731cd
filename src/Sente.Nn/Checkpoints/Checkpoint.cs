using System.Security.Cryptography;
using System.Text.Json;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;
using Sente.Core.IO;

namespace Sente.Nn.Checkpoints;

/// <summary>
/// Sente's checkpoint file: one file holding the architecture, the weights and metadata.
/// <para>Layout: 8 bytes "SENTECKP", int32 format version, int32 header length, the UTF-8 JSON
/// <see cref="CheckpointHeader"/>, the 32-byte SHA-256 of that JSON, then the weights (TorchSharp's state-dict serialization: every parameter and
/// buffer, BatchNorm running statistics included), whose length and SHA-256 the header records.</para>
/// Files are written atomically (temporary file in the same folder, then rename). Loading checks magic, version,
/// header, config hash, length and checksum, and that every weight is finite (a NaN or infinity is refused with the
/// tensors named), and throws <see cref="CheckpointException"/> naming the problem.
/// Weights are stored in the dtype the module has; load into a float32 CPU module built from the same config.
/// </summary>
public static class Checkpoint
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "SENTECKP"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>SHA-256 (hex) of the canonical JSON of <paramref name="config"/>.</summary>
    public static string ConfigHash(ModelConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(config, Json)));

    /// <summary>Writes <paramref name="model"/> (built from <paramref name="config"/>) to <paramref name="path"/> atomically.</summary>
    public static CheckpointHeader Save(string path, nn.Module model, ModelConfig config, long trainingStep,
        Dictionary<string, string>? extra = null)
    {
        byte[] weights;
        using (var ms = new MemoryStream())
        {
            using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) model.save(w);
            weights = ms.ToArray();
        }
        var header = new CheckpointHeader(FormatVersion, config, ConfigHash(config), trainingStep, DateTimeOffset.UtcNow,
            weights.LongLength, Convert.ToHexStringLower(SHA256.HashData(weights)), extra);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(Magic);
            stream.Write(BitConverter.GetBytes(FormatVersion));
            stream.Write(BitConverter.GetBytes(json.Length));
            stream.Write(json);
            stream.Write(SHA256.HashData(json));
            stream.Write(weights);
        });
        return header;
    }

    /// <summary>Reads and checks only the header (fast: the weights are not hashed).</summary>
    public static CheckpointHeader ReadHeader(string path) => Read(path, verifyWeights: false).Header;

    /// <summary>Loads a checkpoint: rebuilds the network from its config and loads the weights (train mode, float32, CPU).</summary>
    public static (nn.Module Model, CheckpointHeader Header) Load(string path)
    {
        var (header, weights) = Read(path, verifyWeights: true);
        nn.Module model;
        try { model = ModelFactory.Create(header.Config); }
        catch (ArgumentException e) { throw new CheckpointException($"{path}: invalid architecture in header: {e.Message}", e); }
        LoadWeights(path, model, weights);
        return (model, header);
    }

    /// <summary>Loads the weights of <paramref name="path"/> into <paramref name="model"/>, which must have been built
    /// from <paramref name="expected"/>; a checkpoint of another architecture is refused with both named.</summary>
    public static CheckpointHeader LoadInto(string path, nn.Module model, ModelConfig expected)
    {
        var (header, weights) = Read(path, verifyWeights: true);
        if (header.ConfigHash != ConfigHash(expected))
            throw new CheckpointException($"{path}: architecture mismatch: the file holds {Describe(header.Config)}, " +
                                          $"the model is {Describe(expected)}");
        LoadWeights(path, model, weights);
        return header;
    }

    /// <summary>A short human description of an architecture, e.g. "Zero 19x19, 18 planes, ResNet 6x64 Batch".</summary>
    public static string Describe(ModelConfig c) => c.Kind == ModelKind.Zero || c.Trunk is not null
        ? $"{c.Kind} {c.BoardSize}x{c.BoardSize}, {c.InputPlanes} planes, {c.TrunkOrDefault.Kind} {c.TrunkOrDefault.Blocks}x{c.TrunkOrDefault.Width} {c.TrunkOrDefault.Norm}"
        : $"{c.Kind} {c.BoardSize}x{c.BoardSize}, {c.InputPlanes} planes, {c.Layers} layers x {c.Filters} filters";

    private static void LoadWeights(string path, nn.Module model, byte[] weights)
    {
        try
        {
            using var ms = new MemoryStream(weights, writable: false);
            using var r = new BinaryReader(ms);
            model.load(r, strict: true);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException($"{path}: the weights do not fit the model: {Difference(model, weights)}{e.Message}", e);
        }
        var bad = NonFinite(model);
        if (bad.Count > 0)
            throw new CheckpointException($"{path}: the weights hold NaN or infinity in {bad.Count} tensor(s): " +
                                          string.Join(", ", bad.Take(8)) + (bad.Count > 8 ? $" and {bad.Count - 8} more" : "") +
                                          " (a diverged training run?); refusing to use them");
    }

    /// <summary>The names of the floating-point parameters and buffers of <paramref name="model"/> holding NaN or
    /// infinity, in state-dict order.</summary>
    public static List<string> NonFinite(nn.Module model)
    {
        var names = new List<string>();
        using var scope = NewDisposeScope();
        foreach (var (name, t) in model.state_dict())
            if (t.is_floating_point() && !torch.isfinite(t).all().item<bool>()) names.Add(name);
        return names;
    }

    /// <summary>"in the file but not in the model: a, b; missing from the file: c (...). " when the names differ, else "".</summary>
    private static string Difference(nn.Module model, byte[] weights)
    {
        if (StateDictNames.Read(weights) is not { } inFile) return "";
        var inModel = model.state_dict().Keys.ToList();
        var extra = inFile.Except(inModel).ToList();
        var missing = inModel.Except(inFile).ToList();
        static string List(List<string> names) => string.Join(", ", names.Take(8)) + (names.Count > 8 ? $" and {names.Count - 8} more" : "");
        var parts = new List<string>();
        if (extra.Count > 0) parts.Add($"in the file but not in the model: {List(extra)}");
        if (missing.Count > 0) parts.Add($"missing from the file: {List(missing)}");
        return parts.Count == 0 ? "" : string.Join("; ", parts) + " (a file written by another version of this architecture?). ";
    }

    private static (CheckpointHeader Header, byte[] Weights) Read(string path, bool verifyWeights)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"{path}: cannot read checkpoint: {e.Message}", e);
        }
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new CheckpointException($"{path}: not a Sente checkpoint (bad magic; expected a file written by Sente)");
        if (bytes.Length < 16) throw new CheckpointException($"{path}: truncated checkpoint ({bytes.Length} bytes)");
        int version = BitConverter.ToInt32(bytes, 8);
        if (version != FormatVersion)
            throw new CheckpointException($"{path}: checkpoint format version {version}, this build reads version {FormatVersion}");
        int headerLength = BitConverter.ToInt32(bytes, 12);
        if (headerLength <= 0 || 16L + headerLength + 32 > bytes.Length)
            throw new CheckpointException($"{path}: truncated or corrupt checkpoint (header length {headerLength}, file {bytes.Length} bytes)");
        if (!SHA256.HashData(bytes.AsSpan(16, headerLength)).AsSpan().SequenceEqual(bytes.AsSpan(16 + headerLength, 32)))
            throw new CheckpointException($"{path}: corrupt checkpoint header (its SHA-256 does not match)");
        CheckpointHeader? header;
        try { header = JsonSerializer.Deserialize<CheckpointHeader>(bytes.AsSpan(16, headerLength), Json); }
        catch (JsonException e) { throw new CheckpointException($"{path}: corrupt checkpoint header: {e.Message}", e); }
        if (header is null || header.Config is null || header.ConfigHash is null || header.WeightsSha256 is null)
            throw new CheckpointException($"{path}: corrupt checkpoint header (missing fields)");
        if (header.ConfigHash != ConfigHash(header.Config))
            throw new CheckpointException($"{path}: corrupt checkpoint header (the config does not match its hash)");
        if (header.Format != version)
            throw new CheckpointException($"{path}: corrupt checkpoint header (format {header.Format} inside, {version} outside)");
        long weightsStart = 16L + headerLength + 32;
        if (bytes.Length - weightsStart != header.WeightsLength)
            throw new CheckpointException($"{path}: truncated or corrupt checkpoint: weights are {bytes.Length - weightsStart} bytes, " +
                                          $"the header says {header.WeightsLength}");
        byte[] weights = bytes.AsSpan((int)weightsStart).ToArray();
        if (verifyWeights && Convert.ToHexStringLower(SHA256.HashData(weights)) != header.WeightsSha256)
            throw new CheckpointException($"{path}: corrupt checkpoint: the weights' SHA-256 does not match the header");
        return (header, weights);
    }
}
