using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Names;

namespace Roundtable.Ledger.Messages.Names;

/// <summary>
/// The sender registers <paramref name="Label"/> in <paramref name="Zone"/> with its first records,
/// if the zone's policy lets the sender register and the name is free (never taken, or expired
/// past its grace). The sender becomes its holder for the zone's registration period.
/// </summary>
/// <param name="Zone">The zone's origin, e.g. <c>forum.internal.</c>.</param>
/// <param name="Label">The one label registered under it.</param>
/// <param name="Records">What the name publishes.</param>
public sealed record RegisterName(string Zone, string Label, IReadOnlyList<NameRecord> Records) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.RegisterName;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        NameMessageCodec.WriteName(writer, Zone, Label);
        NameRecord.WriteList(writer, Records);
    }

    /// <summary>Reads the body.</summary>
    public static RegisterName DecodeBody(ref CanonicalReader reader)
    {
        var (zone, label) = NameMessageCodec.ReadName(ref reader);
        return new RegisterName(zone, label, NameRecord.ReadList(ref reader));
    }

    /// <inheritdoc />
    public bool Equals(RegisterName? other) => other is not null && Zone == other.Zone && Label == other.Label && Records.SequenceEqual(other.Records);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Zone, Label, Records.Count);
}

/// <summary>The holder replaces every record of a name it holds (an empty list takes the name off the air but keeps it).</summary>
/// <param name="Zone">The zone's origin.</param>
/// <param name="Label">The registered label.</param>
/// <param name="Records">The records from now on.</param>
public sealed record UpdateName(string Zone, string Label, IReadOnlyList<NameRecord> Records) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.UpdateName;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        NameMessageCodec.WriteName(writer, Zone, Label);
        NameRecord.WriteList(writer, Records);
    }

    /// <summary>Reads the body.</summary>
    public static UpdateName DecodeBody(ref CanonicalReader reader)
    {
        var (zone, label) = NameMessageCodec.ReadName(ref reader);
        return new UpdateName(zone, label, NameRecord.ReadList(ref reader));
    }

    /// <inheritdoc />
    public bool Equals(UpdateName? other) => other is not null && Zone == other.Zone && Label == other.Label && Records.SequenceEqual(other.Records);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Zone, Label, Records.Count);
}

/// <summary>
/// The holder offers a name to another member; nothing changes hands until that member accepts
/// (<see cref="AcceptName"/>), so a name is never pushed onto someone. A new offer replaces the last.
/// </summary>
/// <param name="Zone">The zone's origin.</param>
/// <param name="Label">The registered label.</param>
/// <param name="Recipient">The member offered the name.</param>
public sealed record TransferName(string Zone, string Label, Hash256 Recipient) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.TransferName;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        NameMessageCodec.WriteName(writer, Zone, Label);
        writer.WriteHash(Recipient);
    }

    /// <summary>Reads the body.</summary>
    public static TransferName DecodeBody(ref CanonicalReader reader)
    {
        var (zone, label) = NameMessageCodec.ReadName(ref reader);
        return new TransferName(zone, label, reader.ReadHash());
    }
}

/// <summary>The member a name was offered to accepts it and becomes its holder, with its records and expiry unchanged.</summary>
/// <param name="Zone">The zone's origin.</param>
/// <param name="Label">The registered label.</param>
public sealed record AcceptName(string Zone, string Label) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.AcceptName;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => NameMessageCodec.WriteName(writer, Zone, Label);

    /// <summary>Reads the body.</summary>
    public static AcceptName DecodeBody(ref CanonicalReader reader)
    {
        var (zone, label) = NameMessageCodec.ReadName(ref reader);
        return new AcceptName(zone, label);
    }
}

/// <summary>The holder extends a name by one registration period, before it expires or during its grace.</summary>
/// <param name="Zone">The zone's origin.</param>
/// <param name="Label">The registered label.</param>
public sealed record RenewName(string Zone, string Label) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.RenewName;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => NameMessageCodec.WriteName(writer, Zone, Label);

    /// <summary>Reads the body.</summary>
    public static RenewName DecodeBody(ref CanonicalReader reader)
    {
        var (zone, label) = NameMessageCodec.ReadName(ref reader);
        return new RenewName(zone, label);
    }
}
