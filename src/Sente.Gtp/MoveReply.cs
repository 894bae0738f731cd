namespace Sente.Gtp;

/// <summary>A move choice as GTP knows it: a point (pass = Size*Size) or resignation.</summary>
public readonly record struct MoveReply(int Point, bool Resign)
{
    public static MoveReply Resignation => new(-1, true);
    public static MoveReply At(int point) => new(point, false);
}
