namespace Sente.Charts;

/// <summary>Writes files atomically: the content goes to a temporary file in the same folder, then a rename
/// replaces the target, so a reader never sees a half-written file.</summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> with a temporary path (same folder and extension as
    /// <paramref name="path"/>), then moves it over <paramref name="path"/>. Creates the folder if needed.</summary>
    public static void Write(string path, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) atomically.</summary>
    public static void WriteAllText(string path, string text) => Write(path, t => File.WriteAllText(t, text));
}
