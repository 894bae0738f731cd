namespace Sente.Nn;

/// <summary>The torch device names Sente's settings accept: "cpu", "cuda" or "cuda:N". The one check every options
/// record uses (whether the device exists is known only when a tensor goes there). Stateless.</summary>
public static class DeviceNames
{
    /// <summary>"cpu or cuda[:N]", for messages.</summary>
    public const string Expected = "cpu or cuda[:N]";

    /// <summary>True for "cpu", "cuda" and "cuda:" followed by a device number.</summary>
    public static bool IsValid(string? device) =>
        device is "cpu" or "cuda"
        || (device is not null && device.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(device.AsSpan(5), out int n) && n >= 0);
}
