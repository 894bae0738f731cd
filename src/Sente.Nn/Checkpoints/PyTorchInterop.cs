using System.Text.Json;
using Sente.Nn.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using Sente.Core.IO;

namespace Sente.Nn.Checkpoints;

/// <summary>Weights file formats Python users read.</summary>
public enum WeightsFormat
{
    /// <summary>A PyTorch state dict as written by torch.save (load with torch.load(path); model.load_state_dict(...)).</summary>
    PyTorch,
    /// <summary>safetensors (load with safetensors.torch.load_file).</summary>
    Safetensors,
}

/// <summary>
/// Export and import of a network's state dict for Python (TorchSharp.PyBridge). Parameter names are the module
/// field paths (e.g. "trunk.blocks.0.conv1.weight"). Export also writes "&lt;path&gt;.config.json" with the
/// <see cref="ModelConfig"/> so the architecture travels with the weights. Writes are atomic.
/// </summary>
public static class PyTorchInterop
{
    /// <summary>Writes the weights of <paramref name="model"/> and its config sidecar.</summary>
    public static void Export(nn.Module model, ModelConfig config, string path, WeightsFormat format)
    {
        AtomicFile.WriteVia(path, tmp =>
        {
            if (format == WeightsFormat.PyTorch) model.save_py(tmp);
            else model.save_safetensors(tmp);
        });
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(config, new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.Write(path + ".config.json", s => s.Write(json));
    }

    /// <summary>Loads weights (strict: every parameter and buffer must be present with its shape) into <paramref name="model"/>.</summary>
    public static void Import(nn.Module model, string path, WeightsFormat format)
    {
        if (!File.Exists(path)) throw new CheckpointException($"{path}: no such weights file");
        try
        {
            if (format == WeightsFormat.PyTorch) model.load_py(path, strict: true);
            else model.load_safetensors(path, strict: true);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException($"{path}: cannot load {format} weights into the model: {e.Message}", e);
        }
    }

    /// <summary>Reads the config sidecar written by <see cref="Export"/>.</summary>
    public static ModelConfig ReadConfig(string weightsPath)
    {
        string p = weightsPath + ".config.json";
        try
        {
            return JsonSerializer.Deserialize<ModelConfig>(File.ReadAllBytes(p))?.Validate()
                   ?? throw new CheckpointException($"{p}: empty config");
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException)
        {
            throw new CheckpointException($"{p}: cannot read the model config: {e.Message}", e);
        }
    }
}
