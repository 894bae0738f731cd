using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Sente.Go;

namespace Sente.Cli.Commands;

/// <summary>
/// The options many commands share, each declared once with its validation (a bad value is a parse error that names
/// the option, before the command runs). Commands choose the description and the default; the rule is the same
/// everywhere. Each call makes a new option (System.CommandLine options belong to one command).
/// </summary>
public static class SharedOptions
{
    /// <summary>--seed: the seed of the command's randomness (same seed, same results).</summary>
    public static Option<ulong> Seed(string description = "Seed", ulong fallback = 1) =>
        new("--seed") { Description = description, DefaultValueFactory = _ => fallback };

    /// <summary>--size (or <paramref name="name"/>, e.g. --board): a Go board size, checked by <see cref="BoardSizes"/>.</summary>
    public static Option<int> BoardSize(string description, int fallback, string name = "--size") =>
        Checked(new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback },
            n => BoardSizes.IsSupported(n) ? null : $"{name} {n}: board sizes are {BoardSizes.Range}");

    /// <summary>--size for commands where it is optional (null: the command's own default).</summary>
    public static Option<int?> OptionalBoardSize(string description, string name = "--size") =>
        Checked(new Option<int?>(name) { Description = description },
            n => n is not { } v || BoardSizes.IsSupported(v) ? null : $"{name} {n}: board sizes are {BoardSizes.Range}");

    /// <summary>--komi: a finite number of points.</summary>
    public static Option<double> Komi(string description = "Komi", double fallback = 7.5) =>
        Checked(new Option<double>("--komi") { Description = description, DefaultValueFactory = _ => fallback },
            k => double.IsFinite(k) ? null : "--komi must be a number");

    /// <summary>--games (or <paramref name="name"/>): a count of games, at least 1.</summary>
    public static Option<int> Games(string description, int fallback, string name = "--games") => Positive(name, description, fallback);

    /// <summary>--visits: search visits per move, at least 1.</summary>
    public static Option<int> Visits(string description, int fallback) => Positive("--visits", description, fallback);

    /// <summary>--threads: a thread count, 0 meaning the command's default (all cores or libtorch's choice).</summary>
    public static Option<int> Threads(string description, int fallback = 0) =>
        Checked(new Option<int>("--threads") { Description = description, DefaultValueFactory = _ => fallback },
            n => n >= 0 ? null : $"--threads must not be negative (got {n})");

    /// <summary>--seconds: measuring time per benchmark row, in (0, 600].</summary>
    public static Option<double> Seconds(string description = "Measuring time per row, in seconds.", double fallback = 2.0) =>
        Checked(new Option<double>("--seconds") { Description = description, DefaultValueFactory = _ => fallback },
            s => s > 0 && s <= 600 ? null : string.Create(CultureInfo.InvariantCulture, $"--seconds must be in (0, 600], got {s}"));

    /// <summary>--move-timeout: seconds a player may take per move, positive.</summary>
    public static Option<double> MoveTimeout(double fallback = 120) =>
        Checked(new Option<double>("--move-timeout")
            {
                Description = "Seconds a player may take per move", DefaultValueFactory = _ => fallback,
            },
            s => s > 0 && double.IsFinite(s) ? null : "--move-timeout must be positive");

    /// <summary>--players (required): "name=SPEC;name=SPEC", each SPEC a player spec (<see cref="Composition.Players.NamedPlayerSpec"/>);
    /// <paramref name="which"/> says which specs the command takes.</summary>
    public static Option<string> Players(string which) => new("--players")
    {
        Description = $"Players as name=SPEC separated by ';', SPEC a player spec (docs/GTP.md, \"Player specs\"): {which}",
        Required = true,
    };

    /// <summary>An integer option that must be at least 1.</summary>
    public static Option<int> Positive(string name, string description, int fallback) =>
        Checked(new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback },
            n => n >= 1 ? null : $"{name} must be at least 1 (got {n})");

    /// <summary>Adds a validator: <paramref name="error"/> returns the message for a bad value, null for a good one.</summary>
    private static Option<T> Checked<T>(Option<T> option, Func<T, string?> error)
    {
        option.Validators.Add(result =>
        {
            if (result.Errors.Any()) return;   // the value did not even parse; that error is reported
            T value;
            try { value = result.GetValueOrDefault<T>(); }
            catch (InvalidOperationException) { return; }
            if (error(value) is { } message) result.AddError(message);
        });
        return option;
    }
}
