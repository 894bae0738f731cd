// MSBuild inline task (RoslynCodeTaskFactory, compiled against netstandard): see Directory.Build.targets.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class SentePatchGlibcxxVersionNeed : Task
{
    private const string Needed = "GLIBCXX_3.4.32";
    private const string Replacement = "GLIBCXX_3.4.30";
    private const uint ShtGnuVerneed = 0x6ffffffe;

    [Required]
    public string Directories { get; set; } = "";

    public override bool Execute()
    {
        string libstdcxx = FindSystemLibstdcxx();
        if (libstdcxx == null)
        {
            Log.LogMessage(MessageImportance.Low, "Sente: no system libstdc++ found; natives left as they are.");
            return true;
        }
        byte[] system = File.ReadAllBytes(libstdcxx);
        if (IndexOf(system, Encoding.ASCII.GetBytes(Needed + "\0"), 0) >= 0)
        {
            Log.LogMessage(MessageImportance.Low, "Sente: " + libstdcxx + " provides " + Needed + "; no patch needed.");
            return true;
        }
        if (IndexOf(system, Encoding.ASCII.GetBytes(Replacement + "\0"), 0) < 0)
        {
            Log.LogWarning("Sente: " + libstdcxx + " provides neither " + Needed + " nor " + Replacement + "; TorchSharp may not load.");
            return true;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in Directories.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string dir = raw.Trim();
            if (!Directory.Exists(dir)) continue;
            foreach (string file in Directory.GetFiles(dir, "*.so*"))
            {
                string full = Path.GetFullPath(file);
                if (!seen.Add(full)) continue;
                try
                {
                    if (PatchFile(full))
                        Log.LogMessage(MessageImportance.High, "Sente: patched " + Needed + " -> " + Replacement + " in " + full);
                }
                catch (Exception e)
                {
                    Log.LogError("Sente: could not patch " + full + ": " + e.Message);
                    return false;
                }
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string FindSystemLibstdcxx()
    {
        string[] dirs = { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                          "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" };
        foreach (string d in dirs)
        {
            string p = Path.Combine(d, "libstdc++.so.6");
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>Returns true when the file was changed; false when it is not a 64-bit little-endian ELF
    /// or has no version need on <see cref="Needed"/>.</summary>
    private static bool PatchFile(string path)
    {
        var patches = new List<KeyValuePair<long, byte[]>>();
        using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            byte[] ident = ReadAt(fs, 0, 64);
            if (ident.Length < 64 || ident[0] != 0x7f || ident[1] != (byte)'E' || ident[2] != (byte)'L' || ident[3] != (byte)'F')
                return false;
            if (ident[4] != 2 || ident[5] != 1) return false; // ELFCLASS64, little-endian only
            long shoff = (long)BitConverter.ToUInt64(ident, 0x28);
            int shentsize = BitConverter.ToUInt16(ident, 0x3A);
            int shnum = BitConverter.ToUInt16(ident, 0x3C);
            if (shoff <= 0 || shentsize < 64 || shnum == 0) return false;
            byte[] sh = ReadAt(fs, shoff, shentsize * shnum);
            for (int i = 0; i < shnum; i++)
            {
                int s = i * shentsize;
                if (BitConverter.ToUInt32(sh, s + 4) != ShtGnuVerneed) continue;
                long vnOffset = (long)BitConverter.ToUInt64(sh, s + 0x18);
                int vnSize = (int)BitConverter.ToUInt64(sh, s + 0x20);
                int link = (int)BitConverter.ToUInt32(sh, s + 0x28);
                int count = (int)BitConverter.ToUInt32(sh, s + 0x2C);
                int l = link * shentsize;
                long strOffset = (long)BitConverter.ToUInt64(sh, l + 0x18);
                int strSize = (int)BitConverter.ToUInt64(sh, l + 0x20);
                byte[] strtab = ReadAt(fs, strOffset, strSize);
                byte[] vn = ReadAt(fs, vnOffset, vnSize);
                int replacementName = IndexOf(strtab, Encoding.ASCII.GetBytes(Replacement + "\0"), 0);
                int off = 0;
                for (int n = 0; n < count && off + 16 <= vn.Length; n++)
                {
                    int auxCount = BitConverter.ToUInt16(vn, off + 2);
                    int aux = off + (int)BitConverter.ToUInt32(vn, off + 8);
                    for (int a = 0; a < auxCount && aux + 16 <= vn.Length; a++)
                    {
                        int name = (int)BitConverter.ToUInt32(vn, aux + 8);
                        if (CString(strtab, name) == Needed)
                        {
                            if (replacementName < 0)
                                throw new InvalidOperationException("its string table has no " + Replacement);
                            var entry = new byte[12];
                            Array.Copy(BitConverter.GetBytes(ElfHash(Replacement)), 0, entry, 0, 4);
                            Array.Copy(vn, aux + 4, entry, 4, 4); // vna_flags, vna_other unchanged
                            Array.Copy(BitConverter.GetBytes((uint)replacementName), 0, entry, 8, 4);
                            patches.Add(new KeyValuePair<long, byte[]>(vnOffset + aux, entry));
                        }
                        int next = (int)BitConverter.ToUInt32(vn, aux + 12);
                        if (next == 0) break;
                        aux += next;
                    }
                    int vnNext = (int)BitConverter.ToUInt32(vn, off + 12);
                    if (vnNext == 0) break;
                    off += vnNext;
                }
            }
        }
        if (patches.Count == 0) return false;

        DateTime mtime = File.GetLastWriteTimeUtc(path);
        string tmp = path + ".sente-patch.tmp";
        File.Copy(path, tmp, true);
        using (var fs = new FileStream(tmp, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            foreach (var p in patches)
            {
                fs.Seek(p.Key, SeekOrigin.Begin);
                fs.Write(p.Value, 0, p.Value.Length);
            }
        }
        File.SetLastWriteTimeUtc(tmp, mtime);
        File.Delete(path); // breaks a hard link into the NuGet cache instead of writing through it
        File.Move(tmp, path);
        File.SetLastWriteTimeUtc(path, mtime);
        return true;
    }

    private static byte[] ReadAt(FileStream fs, long offset, int count)
    {
        var buffer = new byte[count];
        fs.Seek(offset, SeekOrigin.Begin);
        int read = 0;
        while (read < count)
        {
            int n = fs.Read(buffer, read, count - read);
            if (n <= 0) break;
            read += n;
        }
        if (read < count) Array.Resize(ref buffer, read);
        return buffer;
    }

    private static string CString(byte[] table, int start)
    {
        if (start < 0 || start >= table.Length) return "";
        int end = start;
        while (end < table.Length && table[end] != 0) end++;
        return Encoding.ASCII.GetString(table, start, end - start);
    }

    private static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (char c in name)
        {
            h = (h << 4) + (byte)c;
            uint g = h & 0xf0000000;
            if (g != 0) h ^= g >> 24;
            h &= ~g;
        }
        return h;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        for (int i = from; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }
}
