using Sente.Gtp.Engine;
using Sente.Gtp.Protocol;

namespace Sente.Gtp.Client;

/// <summary>A <see cref="GtpEngine"/> in this process behind the same interface as an external engine, so the
/// match runner treats internal and external players alike. The timeout is not enforced (a move generator
/// cannot be interrupted); an exception thrown by the engine is reported as the engine dying.</summary>
public sealed class InProcessGtpConnection(GtpEngine engine, string displayName) : IGtpConnection
{
    private bool _dead;

    public GtpEngine Engine { get; } = engine;
    public string DisplayName { get; } = displayName;

    public GtpResponse Send(string command, TimeSpan timeout)
    {
        if (_dead) throw new GtpEngineDiedException($"engine '{DisplayName}' is no longer usable (it failed earlier)");
        if (!GtpRequest.TryParse(command, out GtpRequest? request, out _, out string? error))
            return GtpResponse.Error(error ?? "empty command");
        try
        {
            return Engine.Execute(request!);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _dead = true;
            throw new GtpEngineDiedException($"engine '{DisplayName}' crashed during '{command}': {e.GetType().Name}: {e.Message}");
        }
    }

    public void Dispose() { }
}
