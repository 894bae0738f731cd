using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Sente.Nn;

/// <summary>
/// The one place that configures libtorch threading for the process.
/// <list type="bullet">
/// <item><see cref="InitializeProcess"/> once at start, before any parallel work: sets OMP_WAIT_POLICY=PASSIVE
/// (unless the user set it) so idle OpenMP threads do not spin on a shared machine, and sets the inter-op thread
/// count (libtorch aborts the process on a second call, so later calls are ignored).</item>
/// <item><see cref="ConfigureCurrentThread"/> on every worker thread that runs torch ops: the intra-op thread
/// count is per OS thread in libtorch (a new thread inherits the last value set anywhere).</item>
/// </list>
/// The guard below mirrors libtorch's own process-wide state; it holds no Sente settings.
/// Thread-safe.
/// </summary>
public static class TorchRuntime
{
    private static int _initialized;

    /// <summary>Configures the process; safe to call more than once (only the first call acts).</summary>
    /// <param name="interopThreads">libtorch inter-op pool size (1 is right for Sente's own parallelism).</param>
    /// <param name="intraOpThreads">intra-op threads for the calling thread; 0 means the number of cores.</param>
    public static void InitializeProcess(int interopThreads = 1, int intraOpThreads = 0)
    {
        if (Interlocked.Exchange(ref _initialized, 1) != 0) return;
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null)
        {
            // The native environment must change before libtorch's OpenMP runtime reads it.
            _ = setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
        }
        set_num_interop_threads(Math.Max(1, interopThreads));
        ConfigureCurrentThread(intraOpThreads);
    }

    /// <summary>Sets the intra-op thread count for the calling OS thread (0 = number of cores).</summary>
    public static void ConfigureCurrentThread(int intraOpThreads)
    {
        set_num_threads(intraOpThreads > 0 ? intraOpThreads : Environment.ProcessorCount);
    }

    /// <summary>Thread counts as libtorch reports them for the calling thread.</summary>
    public static (int IntraOp, int InterOp) ThreadCounts() => (get_num_threads(), get_num_interop_threads());

    /// <summary>The TorchSharp package version and the libtorch version it binds.</summary>
    public static (string TorchSharp, string LibTorch) Versions()
    {
        var asm = typeof(TorchSharp.torch).Assembly;
        string ts = asm.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
            ?? asm.GetName().Version?.ToString() ?? "?";
        int plus = ts.IndexOf('+');
        if (plus >= 0) ts = ts[..plus];
        return (ts, __version__);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);
}
