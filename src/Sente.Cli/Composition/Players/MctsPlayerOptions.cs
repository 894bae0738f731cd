using System.Globalization;

namespace Sente.Cli.Composition.Players;

/// <summary>
/// The `mcts` player (gtp --model, gtp --player mcts:..., match sente:mcts:..., arena net:PATH): MCTS on a policy-value
/// network from `sente train`. The defaults and the validation of its settings live here and nowhere else.
/// Immutable; <see cref="Validate"/> names the bad field.
/// </summary>
/// <param name="Model">The checkpoint file.</param>
public sealed record MctsPlayerOptions(string Model)
{
    /// <summary>Default visits per move.</summary>
    public const int DefaultVisits = 200;

    /// <summary>Default resignation threshold.</summary>
    public const double DefaultResign = -0.95;

    /// <summary>Search visits per move (tree reuse counts the visits kept), at least 1.</summary>
    public int Visits { get; init; } = DefaultVisits;

    /// <summary>Resign when the best move's value for the mover is below this, in [-1, 1]; -1 never (GTP and matches;
    /// the arena adjudicates instead).</summary>
    public double Resign { get; init; } = DefaultResign;

    /// <summary>The threshold the GTP player gets: null (never) at -1 or below.</summary>
    public double? ResignThreshold => Resign <= -1 ? null : Resign;

    /// <summary>A short name: mcts(file,visits).</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"mcts({Path.GetFileName(Model)},{Visits})");

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field as the player's key.</summary>
    public MctsPlayerOptions Validate()
    {
        if (string.IsNullOrEmpty(Model)) throw new ArgumentException("player 'mcts' needs model=PATH");
        if (Visits < 1) throw new ArgumentException($"player 'mcts': visits={Visits}: expected a positive integer");
        if (!(Resign >= -1 && Resign <= 1))
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"player 'mcts': resign={Resign}: expected a number in [-1, 1]"));
        return this;
    }

    /// <summary>The options a spec's settings give; <paramref name="visits"/> is the default when the spec sets none.</summary>
    /// <exception cref="ArgumentException">A missing model or a bad value, naming the key.</exception>
    public static MctsPlayerOptions From(PlayerSettings settings, int visits = DefaultVisits) =>
        new MctsPlayerOptions(settings.Required("model"))
        {
            Visits = settings.Int("visits", visits),
            Resign = settings.Double("resign", DefaultResign, -1, 1),
        }.Validate();
}
