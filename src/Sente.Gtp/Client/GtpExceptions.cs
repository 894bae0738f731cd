namespace Sente.Gtp.Client;

/// <summary>Base of every failure talking to a GTP engine; the message names the engine.</summary>
public class GtpException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The engine answered "? message" to a command.</summary>
public sealed class GtpCommandFailedException(string engine, string command, string reply)
    : GtpException($"{engine}: '{command}' failed: {reply}")
{
    public string Command { get; } = command;
    public string Reply { get; } = reply;
}

/// <summary>The engine process exited or closed its output (the message carries the exit code and the last
/// lines it wrote to stderr).</summary>
public sealed class GtpEngineDiedException(string message) : GtpException(message);

/// <summary>The engine did not answer within the timeout (the connection is closed afterwards).</summary>
public sealed class GtpTimeoutException(string message) : GtpException(message);

/// <summary>The engine answered something that is not valid GTP or not a valid answer to the command
/// (e.g. a genmove reply that is not a vertex, "pass" or "resign").</summary>
public sealed class GtpProtocolException(string message) : GtpException(message);
