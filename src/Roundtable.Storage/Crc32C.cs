using System.Buffers.Binary;
using System.Numerics;

namespace Roundtable.Storage;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) over spans, using the hardware CRC
/// instruction through <see cref="BitOperations.Crc32C(uint, ulong)"/>. Initial value and final
/// XOR are 0xFFFFFFFF, so <c>Compute("123456789") == 0xE3069283</c>.
/// </summary>
public static class Crc32C
{
    /// <summary>The running value before any byte is appended.</summary>
    public const uint Seed = 0xFFFFFFFFu;

    /// <summary>CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Seed, data));

    /// <summary>Feeds <paramref name="data"/> into a running value started with <see cref="Seed"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 32)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[8..]));
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[16..]));
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[24..]));
            data = data[32..];
        }

        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }

    /// <summary>The final value of a running CRC.</summary>
    public static uint Finish(uint crc) => ~crc;
}
