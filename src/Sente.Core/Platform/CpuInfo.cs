
namespace Sente.Core.Platform;

/// <summary>What the processor offers that matters for neural-network speed. Immutable.</summary>
/// <param name="Model">The CPU model name, or the architecture when the model is unknown.</param>
/// <param name="LogicalCores">Cores the process may use.</param>
public sealed record CpuInfo(string Model, int LogicalCores, bool Avx2, bool Avx512, bool Avx512Bf16, bool Amx)
{
    /// <summary>Reads /proc/cpuinfo on Linux; elsewhere only what .NET's intrinsics report.</summary>
    public static CpuInfo Detect()
    {
        string model = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        const string path = "/proc/cpuinfo";
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path))
            {
                int colon = line.IndexOf(':');
                if (colon < 0) continue;
                string key = line[..colon].Trim();
                string value = line[(colon + 1)..].Trim();
                if (key == "model name" && model.Length < value.Length) model = value;
                else if (key == "flags" && flags.Count == 0)
                    foreach (string f in value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) flags.Add(f);
            }
        }
        bool avx2 = flags.Count > 0 ? flags.Contains("avx2") : System.Runtime.Intrinsics.X86.Avx2.IsSupported;
        bool avx512 = flags.Count > 0 ? flags.Contains("avx512f") : System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
        return new CpuInfo(model, Environment.ProcessorCount, avx2, avx512,
            flags.Contains("avx512_bf16"), flags.Contains("amx_tile") && flags.Contains("amx_bf16"));
    }
}
