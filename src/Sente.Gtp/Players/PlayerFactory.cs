using Sente.Gtp.Client;
using Sente.Gtp.Engine;

namespace Sente.Gtp.Players;

/// <summary>
/// Turns a player spec into a GTP connection: "sente:NAME[:ARGS]" is an internal player from the registry,
/// run as an in-process <see cref="GtpEngine"/>; anything else is the command line of an external GTP engine
/// ("gnugo --mode gtp --level 1").
/// </summary>
public sealed class PlayerFactory(MoveGeneratorRegistry registry, GtpEngineOptions? engineOptions = null)
{
    public const string InternalPrefix = "sente:";

    public static bool IsInternal(string spec) => spec.StartsWith(InternalPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks an internal spec names a known player (external command lines are checked when started).</summary>
    /// <exception cref="ArgumentException">Unknown internal player.</exception>
    public void Validate(string spec)
    {
        if (IsInternal(spec)) registry.Create(spec[InternalPrefix.Length..], 0);
    }

    /// <exception cref="ArgumentException">Unknown internal player.</exception>
    /// <exception cref="GtpException">The external engine cannot be started.</exception>
    public IGtpConnection Connect(string spec, ulong seed)
    {
        if (!IsInternal(spec)) return new GtpProcessConnection(spec);
        IMoveGenerator generator = registry.Create(spec[InternalPrefix.Length..], seed);
        var options = (engineOptions ?? new GtpEngineOptions()) with { };
        return new InProcessGtpConnection(new GtpEngine(generator, options), spec);
    }
}
