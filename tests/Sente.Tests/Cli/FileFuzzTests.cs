using System.Security.Cryptography;
using Sente.Cli;
using Sente.Core;
using Xunit.Abstractions;

namespace Sente.Tests.Cli;

/// <summary>
/// Issue 26's fuzz harness for the CLI's file inputs: seeded mutations (flipped bytes, truncation, inserted or
/// zeroed bytes, duplicated stretches) of good files (a run directory's state.json, config.cfg, best.ckpt,
/// latest.ckpt and replay.bin; a checkpoint; a replay file; Leela Zero weights), each fed to the command that reads
/// it. Every outcome must be exit 0 or a one-line error with exit 2 (never a stack trace, never another code), and
/// a refused input must be left byte for byte as it was. A few hundred cases in the default suite, thousands in Slow.
/// </summary>
public sealed class FileFuzzTests(ErrorPolicyTests.TinyRun run, ITestOutputHelper output) : IClassFixture<ErrorPolicyTests.TinyRun>
{
    private sealed record Counts(int Tried, int Accepted, int CleanErrors, List<string> Crashes);

    private static byte[] Mutate(byte[] good, Rng rng)
    {
        var b = new List<byte>(good);
        int edits = 1 + rng.NextInt(3);
        for (int e = 0; e < edits && b.Count > 0; e++)
        {
            int at = rng.NextInt(b.Count);
            switch (rng.NextInt(6))
            {
                case 0: b[at] ^= (byte)(1 << rng.NextInt(8)); break;
                case 1: b[at] = (byte)rng.NextInt(256); break;
                case 2: b.RemoveRange(at, b.Count - at); break; // truncate
                case 3: b.InsertRange(at, Enumerable.Range(0, 1 + rng.NextInt(16)).Select(_ => (byte)rng.NextInt(256))); break;
                case 4: for (int i = at; i < Math.Min(b.Count, at + 1 + rng.NextInt(64)); i++) b[i] = 0; break;
                default:
                    int len = Math.Min(b.Count - at, 1 + rng.NextInt(32));
                    b.InsertRange(at, b.GetRange(at, len));
                    break;
            }
        }
        return b.ToArray();
    }

    private static Dictionary<string, string> Snapshot(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains(Path.DirectorySeparatorChar + "tb" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static void CopyDir(string from, string to)
    {
        foreach (string f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest, overwrite: true);
        }
    }

    private Counts Fuzz(int cases, ulong seed)
    {
        string root = Path.Combine(Path.GetTempPath(), "sente-fuzz-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            string lz = Path.Combine(root, "w.txt"), ckpt = Path.Combine(root, "net.ckpt");
            Assert.Equal(0, SenteCli.Run("nn", "init", "--out", ckpt, "--board", "19", "--blocks", "1", "--filters", "2").Code);
            Assert.Equal(0, SenteCli.Run("nn", "export", "--checkpoint", ckpt, "--format", "leelaz", "--out", lz).Code);
            byte[] goodLz = File.ReadAllBytes(lz), goodCkpt = File.ReadAllBytes(ckpt);
            string[] runFiles = ["state.json", "config.cfg", "best.ckpt", "latest.ckpt", "replay/replay.bin"];
            var rng = new Rng(seed);
            int accepted = 0, clean = 0;
            var crashes = new List<string>();
            string work = Path.Combine(root, "run");
            for (int c = 0; c < cases; c++)
            {
                int kind = rng.NextInt(runFiles.Length + 3);
                string input, label;
                string[] args;
                string watch;
                if (kind < runFiles.Length)
                {
                    if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
                    CopyDir(run.Dir, work);
                    input = Path.Combine(work, runFiles[kind]);
                    File.WriteAllBytes(input, Mutate(File.ReadAllBytes(input), rng));
                    args = [.. ErrorPolicyTests.TinyRun.Args, "--iterations", "1", "--run-dir", work];
                    label = "train on " + runFiles[kind];
                    watch = work;
                }
                else
                {
                    (string file, byte[] good, Func<string, string[]> command, label) = (kind - runFiles.Length) switch
                    {
                        0 => (ckpt, goodCkpt, (Func<string, string[]>)(p => ["nn", "info", "--checkpoint", p]), "nn info"),
                        1 => (lz, goodLz, p => ["nn", "import-lz", "--weights", p, "--out", Path.Combine(root, "imported.ckpt")], "nn import-lz"),
                        _ => (Path.Combine(run.Dir, "replay", "replay.bin"), File.ReadAllBytes(Path.Combine(run.Dir, "replay", "replay.bin")),
                              p => ["replay", "check", p], "replay check"),
                    };
                    input = Path.Combine(root, "in", Path.GetFileName(file));
                    Directory.CreateDirectory(Path.GetDirectoryName(input)!);
                    File.WriteAllBytes(input, Mutate(good, rng));
                    args = command(input);
                    watch = Path.GetDirectoryName(input)!;
                }
                var before = Snapshot(watch);
                var (code, _, err) = SenteCli.Run(args);
                string line = err.Trim();
                bool oneLine = !line.Contains('\n') && !line.Contains("   at ", StringComparison.Ordinal);
                if (code == 0 && oneLine) accepted++;
                else if (label == "replay check" && code == ErrorPolicy.BadInput && line.Length == 0) clean++; // its report is on stdout
                else if (code == ErrorPolicy.BadInput && oneLine && line.StartsWith("sente: ", StringComparison.Ordinal)
                         && (label.StartsWith("replay check", StringComparison.Ordinal) || Snapshot(watch).SequenceEqual(before)))
                    clean++;
                else crashes.Add($"case {c} ({label}): exit {code}: {line.Split('\n')[0]}");
            }
            return new Counts(cases, accepted, clean, crashes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private void Check(Counts r)
    {
        output.WriteLine($"fuzz: {r.Tried} inputs tried, {r.Accepted} accepted, {r.CleanErrors} clean one-line errors, {r.Crashes.Count} crashes");
        foreach (string c in r.Crashes.Take(20)) output.WriteLine(c);
        Assert.True(r.Crashes.Count == 0, string.Join("\n", r.Crashes.Take(10)));
        Assert.True(r.CleanErrors > r.Tried / 4, $"only {r.CleanErrors} of {r.Tried} mutations were refused: the mutations are too gentle");
    }

    [Fact]
    public void AFewHundredMutatedInputsGiveOneLineErrorsAndLeaveTheInputsAlone() => Check(Fuzz(240, 26));

    [Fact, Trait("Category", "Slow")]
    public void ThousandsOfMutatedInputsGiveOneLineErrorsAndLeaveTheInputsAlone() => Check(Fuzz(3000, 2026));
}
