using System.Globalization;
using System.Text;
using Sente.Go;
using Sente.Gtp.Players;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Engine;

/// <summary>
/// Streaming analysis as Leela Zero and KataGo do it, for Sabaki and Lizzie:
/// `lz-analyze [color] [interval]` and `kata-analyze [color] [interval]` answer "=" and then, every interval
/// centiseconds, one line of `info move D4 visits 1178 winrate 4802 prior 2211 lcb 4781 order 0 pv D4 Q16 ...`
/// entries (lz: integers x10000; kata: floats in [0,1]), until the next input line arrives; a blank line ends the
/// response, and that input line is then processed as usual. Only when the move generator is an <see cref="IAnalyzer"/>.
/// </summary>
public sealed partial class GtpEngine
{
    private static readonly string[] AnalysisCommands = ["lz-analyze", "kata-analyze"];

    /// <summary>True when the engine's generator supports analysis (the commands then appear in list_commands).</summary>
    public bool SupportsAnalysis => _generator is IAnalyzer;

    private void RegisterAnalysisCommands()
    {
        if (!SupportsAnalysis) return;
        // Registered so that known_command/list_commands show them; Run streams them, ProcessLine alone cannot.
        foreach (string name in AnalysisCommands)
            Register(name, _ => throw new GtpCommandException($"{name} streams its output: use it over a GTP stream (sente gtp)"));
    }

    /// <summary>Parses the analysis arguments: optional colour (default: side to move) and interval (centiseconds).</summary>
    private (Stone Color, TimeSpan Interval) AnalysisArgs(IReadOnlyList<string> args)
    {
        Stone color = _state.ToMove;
        int centis = 100;
        foreach (string a in args)
        {
            string low = a.ToLowerInvariant();
            if (low is "b" or "black") color = Stone.Black;
            else if (low is "w" or "white") color = Stone.White;
            else if (low == "interval") continue;
            else if (int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) && c >= 0) centis = c;
            else throw new GtpCommandException($"analysis: unexpected argument '{a}'");
        }
        return (color, TimeSpan.FromMilliseconds(Math.Max(10, centis * 10)));
    }

    /// <summary>Runs a streaming analysis until <paramref name="input"/> yields the next line, which is returned.</summary>
    private string? RunAnalysis(GtpRequest request, TextReader input, TextWriter output)
    {
        bool kata = request.Name == "kata-analyze";
        (Stone color, TimeSpan interval) = AnalysisArgs(request.Args);
        output.Write(request.Id is { } id ? $"={id}\n" : "=\n");
        output.Flush();
        var analyzer = (IAnalyzer)_generator;
        GoState snapshot = _state.Clone();
        object gate = new();
        using var stop = new CancellationTokenSource();
        // Its own thread (LongRunning), so a busy thread pool cannot hold the analysis back while the GUI waits.
        Task task = Task.Factory.StartNew(() => analyzer.Analyze(snapshot, color, interval, infos =>
        {
            string line = Format(infos, snapshot.Size, kata);
            lock (gate)
            {
                if (stop.IsCancellationRequested) return;
                output.Write(line);
                output.Flush();
            }
        }, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        string? next = input.ReadLine();
        lock (gate) stop.Cancel();
        try { task.Wait(); }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException)) { }
        output.Write("\n");
        output.Flush();
        return next;
    }

    private static string Format(IReadOnlyList<AnalysisInfo> infos, int size, bool kata)
    {
        var sb = new StringBuilder();
        foreach (AnalysisInfo i in infos)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append("info move ").Append(Vertex.ToGtp(i.Point, size)).Append(" visits ").Append(i.Visits);
            if (kata)
                sb.Append(CultureInfo.InvariantCulture, $" winrate {i.Winrate:0.0000} prior {i.Prior:0.0000} lcb {i.Lcb:0.0000}");
            else
                sb.Append(CultureInfo.InvariantCulture, $" winrate {(int)Math.Round(i.Winrate * 10000)} prior {(int)Math.Round(i.Prior * 10000)} lcb {(int)Math.Round(i.Lcb * 10000)}");
            sb.Append(" order ").Append(i.Order).Append(" pv");
            foreach (int p in i.Pv) sb.Append(' ').Append(Vertex.ToGtp(p, size));
        }
        return sb.Append('\n').ToString();
    }
}
