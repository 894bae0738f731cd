namespace Sente.Nn.Checkpoints;

/// <summary>A checkpoint or weights file that cannot be used: missing, truncated, corrupt, of another format version,
/// or for another architecture. The message names the file and the problem.</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
