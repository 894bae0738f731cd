using System.Runtime.InteropServices;
using System.Text;

namespace Sente.Core.IO;

/// <summary>
/// Writes files atomically and durably: the content goes to a temporary file in the target's folder, is flushed
/// to disk (fsync), then renamed over the target, and the folder itself is synced so the rename survives a power
/// loss. A reader sees the old file or the new one, never a partial one; a crash leaves at most a hidden
/// <c>.NAME.*.tmp</c> file behind. Every file Sente writes for a user (checkpoints, run state, charts, tables, game
/// records) goes through here. Thread-safe: each call uses its own temporary name.
/// </summary>
public static class AtomicFile
{
    /// <summary>Creates or replaces <paramref name="path"/> with what <paramref name="write"/> writes to the stream.
    /// Creates the folder if needed.</summary>
    public static void Write(string path, Action<FileStream> write) => Replace(path, temp =>
    {
        using var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        write(fs);
        fs.Flush(flushToDisk: true);
    });

    /// <summary>For writers that take a file path (a chart library, torch's save): the callback gets the temporary
    /// path, which keeps the target's extension; the file it leaves there is synced, then renamed over the target.</summary>
    public static void WriteVia(string path, Action<string> writeToPath) => Replace(path, temp =>
    {
        writeToPath(temp);
        if (!File.Exists(temp)) throw new IOException($"{path}: the writer left no file behind");
        using var fs = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        fs.Flush(flushToDisk: true);
    });

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark).</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Write(path, fs => fs.Write(copy));
    }

    private static void Replace(string path, Action<string> writeTemp)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir,
            $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
            SyncDirectory(dir);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>fsync of a folder, so that a rename in it is durable (POSIX only; elsewhere the rename is what the
    /// file system gives).</summary>
    private static void SyncDirectory(string dir)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Posix.open(dir, 0 /* O_RDONLY */);
        if (fd < 0) return;
        try { Posix.fsync(fd); }
        finally { Posix.close(fd); }
    }

    private static class Posix
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
    }
}
