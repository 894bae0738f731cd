using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Sente.Core.Platform;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Client;

/// <summary>
/// An external GTP engine started from a command line ("gnugo --mode gtp --level 1"). Commands go to its stdin;
/// a reader thread collects stdout lines; stderr is drained continuously (an engine blocked on a full stderr pipe
/// would hang) and its last lines are kept for error messages. Not thread-safe: one command at a time.
/// </summary>
public sealed class GtpProcessConnection : IGtpConnection
{
    private const int StderrLinesKept = 20;
    private readonly Process _process;
    private readonly BlockingCollection<string?> _lines = new();   // null = end of stdout
    private readonly Queue<string> _stderrTail = new();
    private readonly ManualResetEventSlim _stderrClosed = new();   // not disposed: the stderr callback may still run
    private readonly Thread _reader;
    private bool _closed;
    private bool _disposed;

    public string DisplayName { get; }

    /// <summary>Starts the engine. The program is looked up on PATH and in /usr/games.</summary>
    /// <exception cref="GtpException">The command line is malformed or the program cannot be started.</exception>
    public GtpProcessConnection(string commandLine)
    {
        DisplayName = commandLine;
        IReadOnlyList<string> words;
        try { words = CommandLine.Split(commandLine); }
        catch (FormatException e) { throw new GtpException(e.Message); }
        string program = ExecutableLocator.Find(words[0])
            ?? throw new GtpException($"engine program '{words[0]}' not found (looked on PATH and in /usr/games)");
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string w in words.Skip(1)) info.ArgumentList.Add(w);
        try
        {
            _process = Process.Start(info) ?? throw new GtpException($"could not start '{commandLine}'");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GtpException($"could not start '{commandLine}': {e.Message}", e);
        }
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { _stderrClosed.Set(); return; }
            lock (_stderrTail)
            {
                _stderrTail.Enqueue(e.Data);
                while (_stderrTail.Count > StderrLinesKept) _stderrTail.Dequeue();
            }
        };
        _process.BeginErrorReadLine();
        _reader = new Thread(ReadStdout) { IsBackground = true, Name = "gtp-stdout " + words[0] };
        _reader.Start();
    }

    /// <summary>The last lines the engine wrote to stderr (up to 20), oldest first.</summary>
    public IReadOnlyList<string> StderrTail()
    {
        lock (_stderrTail) return _stderrTail.ToArray();
    }

    private void ReadStdout()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line) _lines.Add(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        finally { _lines.Add(null); }
    }

    public GtpResponse Send(string command, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_closed) throw new GtpEngineDiedException($"engine '{DisplayName}' is no longer usable (an earlier command failed)");
        if (command.Contains('\n')) throw new ArgumentException("a GTP command is one line", nameof(command));
        try
        {
            _process.StandardInput.Write(command);
            _process.StandardInput.Write('\n');
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw Died(command);
        }

        var deadline = Stopwatch.StartNew();
        var body = new StringBuilder();
        bool? success = null;
        while (true)
        {
            TimeSpan left = timeout - deadline.Elapsed;
            if (left < TimeSpan.Zero || !_lines.TryTake(out string? line, left))
            {
                _closed = true;
                Kill();
                throw new GtpTimeoutException($"engine '{DisplayName}' did not answer '{command}' within {timeout.TotalSeconds:0.#} s");
            }
            if (line is null) throw Died(command);
            if (success is null)
            {
                if (line.Trim().Length == 0) continue;               // blank lines before a response
                if (line[0] is not ('=' or '?'))
                {
                    _closed = true;
                    Kill();
                    throw new GtpProtocolException($"engine '{DisplayName}' answered '{command}' with a line that is not GTP: '{Clip(line)}'");
                }
                success = line[0] == '=';
                int i = 1;
                while (i < line.Length && char.IsAsciiDigit(line[i])) i++;     // echoed id, if any
                if (i < line.Length && line[i] == ' ') i++;
                body.Append(line, i, line.Length - i);
            }
            else if (line.Length == 0)
            {
                return new GtpResponse(success.Value, body.ToString().TrimEnd());
            }
            else
            {
                body.Append('\n').Append(line);
            }
        }
    }

    private GtpEngineDiedException Died(string command)
    {
        _closed = true;
        string code = _process.WaitForExit(2000) ? $"exit code {_process.ExitCode}" : "still running but closed its output";
        _stderrClosed.Wait(1000);   // let the stderr reader catch the engine's last words
        IReadOnlyList<string> tail = StderrTail();
        string err = tail.Count == 0 ? "" : "; stderr: " + string.Join(" | ", tail.TakeLast(5).Select(Clip));
        return new GtpEngineDiedException($"engine '{DisplayName}' died during '{command}' ({code}){err}");
    }

    private static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "...";

    private void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
    }

    /// <summary>Sends "quit" (1 s to answer and exit), then kills the engine if it is still running.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        if (!_closed && !_process.HasExited)
        {
            try { Send("quit", TimeSpan.FromSeconds(1)); }
            catch (GtpException) { }
            try { _process.StandardInput.Close(); } catch (IOException) { }
        }
        _disposed = true;
        if (!_process.WaitForExit(2000)) Kill();
        _process.WaitForExit(1000);
        _process.Dispose();
    }
}
