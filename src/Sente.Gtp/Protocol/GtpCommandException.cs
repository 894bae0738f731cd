namespace Sente.Gtp.Protocol;

/// <summary>Thrown by a GTP command handler to answer "? message" (the engine keeps running).</summary>
public sealed class GtpCommandException(string message) : Exception(message);
