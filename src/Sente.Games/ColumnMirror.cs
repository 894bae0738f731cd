using Sente.Core.Encoding;

namespace Sente.Games;

/// <summary>
/// The left-right mirror of an H x W board whose actions are its W columns (Connect Four): member 1 maps column x to
/// W-1-x in every plane and in the policy. Immutable, thread-safe.
/// </summary>
public sealed class ColumnMirror(int height, int width) : IAugmentation
{
    public int Height { get; } = height > 0 ? height : throw new ArgumentOutOfRangeException(nameof(height));
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width));

    public int Count => 2;

    public void TransformPlanes(int id, ReadOnlySpan<float> source, Span<float> destination, int planes)
    {
        int rows = planes * Height;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> src = source.Slice(r * Width, Width);
            Span<float> dst = destination.Slice(r * Width, Width);
            if (id == 0) src.CopyTo(dst);
            else for (int x = 0; x < Width; x++) dst[Width - 1 - x] = src[x];
        }
    }

    public void TransformPolicy(int id, ReadOnlySpan<float> policy, Span<float> destination)
    {
        if (policy.Length != Width) throw new ArgumentException($"expected a policy over {Width} columns, got {policy.Length} entries");
        if (id == 0) policy.CopyTo(destination);
        else for (int x = 0; x < Width; x++) destination[Width - 1 - x] = policy[x];
    }
}
