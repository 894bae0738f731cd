using Sente.Go;
using Sente.Gtp.Players;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Engine;

/// <summary>
/// A GTP version 2 engine: a table of commands (name -> handler) over one game state, with moves chosen by a
/// pluggable <see cref="IMoveGenerator"/>. No globals: every engine instance is independent. Commands run one at
/// a time (not thread-safe). Feed it lines with <see cref="ProcessLine"/> or a whole stream with <see cref="Run"/>.
/// Failures of a command answer "? message" and leave the engine running.
/// Files: GtpEngine.cs (dispatch), GtpEngine.Setup.cs (board, komi, handicap), GtpEngine.Play.cs (play, genmove,
/// undo, scoring, time), GtpEngine.Extensions.cs (GNU Go commands, showboard, SGF).
/// </summary>
public sealed partial class GtpEngine
{
    /// <summary>A command handler: gets the arguments, returns the success text or throws
    /// <see cref="GtpCommandException"/> for a "? message" answer.</summary>
    public delegate string Handler(IReadOnlyList<string> args);

    private readonly Dictionary<string, Handler> _commands = new(StringComparer.Ordinal);
    private readonly IMoveGenerator _generator;
    private readonly GtpEngineOptions _options;

    public GtpEngine(IMoveGenerator generator, GtpEngineOptions? options = null)
    {
        _generator = generator;
        _options = options ?? new GtpEngineOptions();
        _komi = _options.Komi;
        _state = new GoState(_options.BoardSize, _komi, _options.Rules);
        RegisterStandardCommands();
        RegisterSetupCommands();
        RegisterPlayCommands();
        RegisterExtensionCommands();
        RegisterAnalysisCommands();
    }

    /// <summary>The current game (read-only use; change it through commands).</summary>
    public GoState State => _state;

    /// <summary>True once `quit` was answered; <see cref="Run"/> stops then.</summary>
    public bool QuitRequested { get; private set; }

    /// <summary>The command names, sorted (what list_commands answers).</summary>
    public IReadOnlyList<string> CommandNames => _commands.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Adds or replaces a command (for later layers: analysis commands, engine-specific options).</summary>
    public void Register(string name, Handler handler) => _commands[name] = handler;

    /// <summary>Runs one parsed command.</summary>
    public GtpResponse Execute(GtpRequest request)
    {
        if (!_commands.TryGetValue(request.Name, out Handler? handler))
            return GtpResponse.Error("unknown command");
        try
        {
            return GtpResponse.Ok(handler(request.Args));
        }
        catch (GtpCommandException e)
        {
            return GtpResponse.Error(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in a handler or move generator must not take the engine down: report it and keep running.
            return GtpResponse.Error($"internal error in {request.Name}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Handles one input line: the formatted response (ending with the blank line), or null when the
    /// line is empty after preprocessing (comments, whitespace) and gets no response.</summary>
    public string? ProcessLine(string line)
    {
        if (GtpRequest.TryParse(line, out GtpRequest? request, out int? id, out string? error))
            return Execute(request!).Format(request!.Id);
        return error is null ? null : GtpResponse.Error(error).Format(id);
    }

    /// <summary>Reads commands until `quit` or end of input, writing each response and flushing after it.</summary>
    public void Run(TextReader input, TextWriter output)
    {
        string? pending = null;
        while (!QuitRequested && (pending ?? input.ReadLine()) is { } line)
        {
            pending = null;
            if (SupportsAnalysis && GtpRequest.TryParse(line, out GtpRequest? request, out _, out _) &&
                AnalysisCommands.Contains(request!.Name))
            {
                try
                {
                    pending = RunAnalysis(request, input, output);
                    if (pending is null) break;
                    continue;
                }
                catch (GtpCommandException e)
                {
                    output.Write(GtpResponse.Error(e.Message).Format(request.Id));
                    output.Flush();
                    continue;
                }
            }
            string? response = ProcessLine(line);
            if (response is null) continue;
            output.Write(response);
            output.Flush();
        }
    }

    private void RegisterStandardCommands()
    {
        Register("protocol_version", _ => "2");
        Register("name", _ => _options.Name);
        Register("version", _ => _options.Version);
        Register("known_command", a => _commands.ContainsKey(Arg(a, 0, "known_command <command_name>")) ? "true" : "false");
        Register("list_commands", _ => string.Join('\n', CommandNames));
        Register("quit", _ => { QuitRequested = true; return ""; });
    }

    // ---- argument helpers ----

    private static string Arg(IReadOnlyList<string> args, int index, string usage) =>
        index < args.Count ? args[index] : throw new GtpCommandException($"syntax error (expected: {usage})");

    private static void ExpectCount(IReadOnlyList<string> args, int count, string usage)
    {
        if (args.Count != count) throw new GtpCommandException($"syntax error (expected: {usage})");
    }

    private static Stone ParseColor(string text) =>
        StoneExtensions.TryParseColor(text, out Stone c)
            ? c
            : throw new GtpCommandException($"syntax error: '{text}' is not a color (b, w, black, white)");

    private int ParseVertex(string text, bool allowPass = true)
    {
        if (!Vertex.TryParse(text, _state.Size, out int p))
            throw new GtpCommandException($"syntax error: '{text}' is not a vertex of the {_state.Size}x{_state.Size} board");
        if (!allowPass && p == _state.Size * _state.Size) throw new GtpCommandException("syntax error: pass is not allowed here");
        return p;
    }

    private static int ParseInt(string text, string what) =>
        int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int v)
            ? v
            : throw new GtpCommandException($"syntax error: {what} '{text}' is not an integer");

    private static double ParseFloat(string text, string what) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
        && double.IsFinite(v)
            ? v
            : throw new GtpCommandException($"syntax error: {what} '{text}' is not a number");

    private string V(int point) => Vertex.ToGtp(point, _state.Size);
}
