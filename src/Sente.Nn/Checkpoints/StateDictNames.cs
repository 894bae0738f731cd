namespace Sente.Nn.Checkpoints;

/// <summary>
/// Reads the entry names of TorchSharp's state-dict serialization (<c>Module.save(BinaryWriter)</c>) without building
/// tensors, to say which parameters a weights blob and a model do not share. Layout: LEB128 entry count; per entry
/// a length-prefixed UTF-8 name, then the tensor as LEB128 dtype, LEB128 rank, LEB128 dimensions and the raw elements.
/// </summary>
public static class StateDictNames
{
    /// <summary>The names in <paramref name="weights"/>, or null when the bytes do not parse as that layout (an
    /// unknown dtype, a truncated entry).</summary>
    public static IReadOnlyList<string>? Read(byte[] weights)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(weights, writable: false), System.Text.Encoding.UTF8);
            long count = Leb128(r);
            if (count < 0 || count > weights.Length) return null;
            var names = new List<string>((int)count);
            for (long i = 0; i < count; i++)
            {
                names.Add(r.ReadString());
                int size = ElementSize(Leb128(r));
                long rank = Leb128(r), elements = 1;
                if (size == 0 || rank is < 0 or > 16) return null;
                for (long d = 0; d < rank; d++) elements = checked(elements * Leb128(r));
                long bytes = checked(elements * size);
                if (bytes < 0 || r.BaseStream.Position + bytes > weights.Length) return null;
                r.BaseStream.Seek(bytes, SeekOrigin.Current);
            }
            return names;
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or IOException or FormatException) { return null; }
    }

    private static long Leb128(BinaryReader r)
    {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = r.ReadByte();
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new FormatException("LEB128 value too long");
    }

    /// <summary>Bytes per element of a libtorch ScalarType code; 0 for a code this reader does not know.</summary>
    private static int ElementSize(long scalarType) => scalarType switch
    {
        0 or 1 or 11 => 1,      // uint8, int8, bool
        2 or 5 or 15 => 2,      // int16, float16, bfloat16
        3 or 6 => 4,            // int32, float32
        4 or 7 or 9 => 8,       // int64, float64, complex64
        10 => 16,               // complex128
        _ => 0,
    };
}
