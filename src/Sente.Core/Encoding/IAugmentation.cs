
namespace Sente.Core.Encoding;

/// <summary>
/// A group of exact symmetries of a game used to augment training examples: each example's input planes and policy
/// target are transformed by the same member. Member 0 is the identity. Square Go boards have the 8 of
/// <see cref="Symmetry"/>; Connect Four has the left-right mirror (Sente.Games.ColumnMirror). Implementations are
/// immutable and thread-safe.
/// </summary>
public interface IAugmentation
{
    /// <summary>Number of members, identity included.</summary>
    int Count { get; }

    /// <summary>Transforms input planes (C x H x W, channel-major) by member <paramref name="id"/> into
    /// <paramref name="destination"/> (same shape; not the same buffer as <paramref name="source"/>).</summary>
    void TransformPlanes(int id, ReadOnlySpan<float> source, Span<float> destination, int planes);

    /// <summary>Transforms a policy target (one entry per action) the way member <paramref name="id"/> moves the
    /// actions, so that it matches the transformed planes.</summary>
    void TransformPolicy(int id, ReadOnlySpan<float> policy, Span<float> destination);
}
