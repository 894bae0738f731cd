namespace Sente.Go;

/// <summary>Which repetitions are forbidden.</summary>
public enum KoRule
{
    /// <summary>Only the immediate recapture of a single stone is forbidden.</summary>
    Simple,
    /// <summary>No move may recreate an earlier whole-board position (Tromp-Taylor, CGOS, Leela Zero).</summary>
    PositionalSuperko,
    /// <summary>No move may recreate an earlier position with the same player to move.</summary>
    SituationalSuperko,
}

/// <summary>
/// Go rules as a small immutable record with named presets. Scoring is always area (Tromp-Taylor) scoring.
/// Single-stone suicide is always illegal (it would be a pass that changes nothing); <see cref="AllowSuicide"/>
/// allows multi-stone suicide, which removes the suicided chain.
/// </summary>
public sealed record Rules(KoRule Ko, bool AllowSuicide, string Name)
{
    /// <summary>Positional superko, suicide illegal: Sente's default, as Leela Zero and CGOS.</summary>
    public static Rules TrompTaylor { get; } = new(KoRule.PositionalSuperko, false, "tromp-taylor");

    /// <summary>Chinese area rules as computer Go plays them: the same as <see cref="TrompTaylor"/> here.</summary>
    public static Rules Chinese { get; } = new(KoRule.PositionalSuperko, false, "chinese");

    /// <summary>Simple ko only, suicide illegal (fast, for playouts and tests).</summary>
    public static Rules SimpleKo { get; } = new(KoRule.Simple, false, "simple-ko");

    /// <summary>Situational superko, suicide illegal.</summary>
    public static Rules Situational { get; } = new(KoRule.SituationalSuperko, false, "situational");

    /// <summary>New Zealand style: situational superko, multi-stone suicide allowed.</summary>
    public static Rules NewZealand { get; } = new(KoRule.SituationalSuperko, true, "new-zealand");

    /// <summary>Every preset, for help texts.</summary>
    public static IReadOnlyList<Rules> Presets { get; } = [TrompTaylor, Chinese, SimpleKo, Situational, NewZealand];

    /// <summary>A preset by name (case-insensitive; "tt", "tromp-taylor", "chinese", "simple-ko", "situational",
    /// "new-zealand"/"nz"); throws <see cref="FormatException"/> listing the names otherwise.</summary>
    public static Rules Parse(string name)
    {
        string n = name.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return n switch
        {
            "tromp-taylor" or "tt" or "tromptaylor" => TrompTaylor,
            "chinese" or "cn" => Chinese,
            "simple-ko" or "simple" or "simpleko" => SimpleKo,
            "situational" or "situational-superko" => Situational,
            "new-zealand" or "nz" or "newzealand" => NewZealand,
            _ => throw new FormatException(
                $"unknown rules '{name}' (expected one of: {string.Join(", ", Presets.Select(p => p.Name))})"),
        };
    }
}
