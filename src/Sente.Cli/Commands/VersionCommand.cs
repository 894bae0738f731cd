using System.CommandLine;
using System.Reflection;
using Sente.Core.Platform;
using Sente.Nn;
using Spectre.Console;

namespace Sente.Cli.Commands;

/// <summary>`sente version`: versions, CPU features, torch threads and the reference engines found.</summary>
public static class VersionCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("version", "Print Sente, .NET, TorchSharp and libtorch versions, CPU features, " +
                                             "torch thread counts and whether gnugo and leelaz are installed.");
        command.SetAction(_ =>
        {
            string sente = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
            int plus = sente.IndexOf('+');
            if (plus >= 0) sente = sente[..plus];

            string torchSharp, libTorch, threads;
            try
            {
                TorchRuntime.InitializeProcess();
                (torchSharp, libTorch) = TorchRuntime.Versions();
                var (intra, inter) = TorchRuntime.ThreadCounts();
                threads = $"intra-op {intra}, inter-op {inter}";
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
            {
                throw new CliException($"TorchSharp's native library did not load: {e.GetBaseException().Message}");
            }

            CpuInfo cpu = CpuInfo.Detect();
            var table = new Table().AddColumn("item").AddColumn("value");
            table.AddRow("Sente", sente);
            table.AddRow(".NET", Environment.Version.ToString());
            table.AddRow("OS", Markup.Escape(System.Runtime.InteropServices.RuntimeInformation.OSDescription));
            table.AddRow("TorchSharp", torchSharp);
            table.AddRow("libtorch", libTorch);
            table.AddRow("CPU", Markup.Escape($"{cpu.Model} ({cpu.LogicalCores} logical cores)"));
            table.AddRow("AVX2", YesNo(cpu.Avx2));
            table.AddRow("AVX-512", YesNo(cpu.Avx512));
            table.AddRow("AVX-512 BF16", YesNo(cpu.Avx512Bf16));
            table.AddRow("AMX", YesNo(cpu.Amx));
            table.AddRow("torch threads", threads);
            table.AddRow("gnugo", Markup.Escape(ExecutableLocator.Find("gnugo") ?? "not found"));
            table.AddRow("leelaz", Markup.Escape(ExecutableLocator.Find("leelaz") ?? "not found"));
            ctx.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static string YesNo(bool b) => b ? "yes" : "no";
}
