namespace Sente.Go;

/// <summary>GTP fixed handicap placements (GTP v2 section 4.1.1).</summary>
public static class Handicap
{
    // Pattern letters per stone: (row, column) with 0 = near line, 1 = middle, 2 = far line, as in the GTP table:
    // 2: D4 Q16, 3: + D16, 4: + Q4, 5: + K10, 6: D4 Q16 D16 Q4 D10 Q10, 7: + K10, 8: + K4 K16 (no centre), 9: + K10.
    private static readonly string[][] Patterns =
    [
        ["00", "22"],
        ["00", "22", "20"],
        ["00", "22", "20", "02"],
        ["00", "22", "20", "02", "11"],
        ["00", "22", "20", "02", "10", "12"],
        ["00", "22", "20", "02", "10", "12", "11"],
        ["00", "22", "20", "02", "10", "12", "01", "21"],
        ["00", "22", "20", "02", "10", "12", "01", "21", "11"],
    ];

    /// <summary>Largest fixed handicap on a board of <paramref name="size"/>: 9 on odd sizes from 9, 4 on 7x7 and even
    /// sizes from 8, 0 below 7x7.</summary>
    public static int MaxFixed(int size) => size < 7 ? 0 : size % 2 == 0 || size == 7 ? 4 : 9;

    /// <summary>The points of a fixed handicap of <paramref name="count"/> stones (2..MaxFixed), in the GTP order.
    /// Stones sit on the 3rd line below 13x13, the 4th line from 13x13 on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No fixed placement exists for this count and size.</exception>
    public static int[] FixedPoints(int count, int size)
    {
        int max = MaxFixed(size);
        if (count < 2 || count > max)
            throw new ArgumentOutOfRangeException(nameof(count), count,
                max == 0 ? $"no fixed handicap on {size}x{size}" : $"fixed handicap on {size}x{size} is 2..{max} stones");
        int edge = size < 13 ? 2 : 3;
        int[] line = [edge, (size - 1) / 2, size - 1 - edge];
        return Patterns[count - 2].Select(s => line[s[0] - '0'] * size + line[s[1] - '0']).ToArray();
    }
}
