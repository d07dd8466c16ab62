namespace Roundtable.Ledger.Names;

/// <summary>A secondary server allowed to transfer a zone, and where NOTIFY reaches it.</summary>
/// <param name="Address">4 (IPv4) or 16 (IPv6) bytes.</param>
/// <param name="Port">Its DNS port (NOTIFY goes there; transfers may come from any port of the address).</param>
public sealed record ZoneSecondary(byte[] Address, ushort Port)
{
    /// <inheritdoc />
    public bool Equals(ZoneSecondary? other) => other is not null && Port == other.Port && Address.AsSpan().SequenceEqual(other.Address);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address.Length, Port);
}
