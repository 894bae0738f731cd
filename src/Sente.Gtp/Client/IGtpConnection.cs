using Sente.Gtp.Protocol;

namespace Sente.Gtp.Client;

/// <summary>A channel to one GTP engine: an external process or an engine in this process.
/// Not thread-safe: one command at a time. Dispose ends the engine.</summary>
public interface IGtpConnection : IDisposable
{
    /// <summary>A short name for messages (the command line or "sente:random").</summary>
    string DisplayName { get; }

    /// <summary>Sends one command line (no id, no newline) and waits for the whole response.</summary>
    /// <exception cref="GtpEngineDiedException">The engine exited or closed its output.</exception>
    /// <exception cref="GtpTimeoutException">No complete response within <paramref name="timeout"/>.</exception>
    /// <exception cref="GtpProtocolException">The response is not valid GTP.</exception>
    GtpResponse Send(string command, TimeSpan timeout);
}
