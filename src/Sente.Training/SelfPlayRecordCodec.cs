using System.Text;

namespace Sente.Training;

/// <summary>
/// The compact binary form of a <see cref="SelfPlayRecord"/> (the payload of a replay-file frame). Little-endian;
/// "varint" = unsigned LEB128.
/// <code>
/// u8 version (1) | u8 name length, ASCII name | u64 seed | i8 outcome for player 0 | u8 flags (1 resigned,
/// 2 resign disabled) | i8 would-resign player | varint move count |
/// per move: varint action, varint visited count k, k x (varint action delta from the previous visited action,
/// varint visits), f16 value
/// </code>
/// Per move: 4-5 bytes plus 2-4 bytes per visited root move.
/// </summary>
public static class SelfPlayRecordCodec
{
    private const byte Version = 1;

    public static byte[] Encode(SelfPlayRecord r)
    {
        var ms = new MemoryStream();
        var w = new BinaryWriter(ms);
        w.Write(Version);
        byte[] name = Encoding.ASCII.GetBytes(r.Game);
        if (name.Length > 255) throw new ArgumentException("SelfPlayRecord: game name longer than 255 bytes");
        w.Write((byte)name.Length);
        w.Write(name);
        w.Write(r.Seed);
        w.Write((sbyte)r.Outcome);
        w.Write((byte)((r.Resigned ? 1 : 0) | (r.ResignDisabled ? 2 : 0)));
        w.Write((sbyte)r.WouldResignPlayer);
        w.Write7BitEncodedInt(r.Moves.Count);
        foreach (MoveRecord m in r.Moves)
        {
            w.Write7BitEncodedInt(m.Action);
            w.Write7BitEncodedInt(m.VisitActions.Length);
            int prev = 0;
            for (int i = 0; i < m.VisitActions.Length; i++)
            {
                int delta = m.VisitActions[i] - prev;
                if (delta < 0) throw new ArgumentException("MoveRecord: VisitActions must be ascending");
                w.Write7BitEncodedInt(delta);
                w.Write7BitEncodedInt(m.VisitCounts[i]);
                prev = m.VisitActions[i];
            }
            w.Write((Half)m.Value);
        }
        w.Flush();
        return ms.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a version-1 game record.</exception>
    public static SelfPlayRecord Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var r = new BinaryReader(new MemoryStream(bytes.ToArray()));
            byte version = r.ReadByte();
            if (version != Version) throw new InvalidDataException($"game record: unknown version {version}");
            string game = Encoding.ASCII.GetString(r.ReadBytes(r.ReadByte()));
            ulong seed = r.ReadUInt64();
            int outcome = r.ReadSByte();
            byte flags = r.ReadByte();
            int would = r.ReadSByte();
            int count = r.Read7BitEncodedInt();
            if (count < 0 || count > bytes.Length) throw new InvalidDataException($"game record: bad move count {count}");
            var moves = new MoveRecord[count];
            for (int i = 0; i < count; i++)
            {
                int action = r.Read7BitEncodedInt();
                int k = r.Read7BitEncodedInt();
                if (k < 0 || k > bytes.Length) throw new InvalidDataException($"game record: bad visit count {k}");
                var acts = new int[k];
                var visits = new int[k];
                int prev = 0;
                for (int j = 0; j < k; j++)
                {
                    acts[j] = prev += r.Read7BitEncodedInt();
                    visits[j] = r.Read7BitEncodedInt();
                }
                moves[i] = new MoveRecord(action, acts, visits, (float)r.ReadHalf());
            }
            if (r.BaseStream.Position != bytes.Length) throw new InvalidDataException("game record: trailing bytes");
            return new SelfPlayRecord(game, seed, moves, outcome, (flags & 1) != 0, (flags & 2) != 0, would);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("game record: truncated");
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"game record: {e.Message}");
        }
    }
}
