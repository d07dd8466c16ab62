using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Samples of the name messages (type tags 96–111): any bytes the decoder bounds allow, valid DNS or not (the application judges the records).</summary>
internal sealed partial class LedgerSamples
{
    private static readonly DnsRecordType[] RecordTypes = Enum.GetValues<DnsRecordType>();

    /// <summary>The message with one field changed, or null when it is not a name message.</summary>
    public static TxMessage? AlteredNameMessage(TxMessage message) => message switch
    {
        RegisterName m => m with { Label = m.Label + "x" },
        UpdateName m => m with { Zone = m.Zone + "x" },
        TransferName m => m with { Recipient = Other(m.Recipient) },
        AcceptName m => m with { Label = m.Label + "x" },
        RenewName m => m with { Zone = m.Zone + "x" },
        _ => null,
    };

    private TxMessage NameMessage(MessageType type) => type switch
    {
        MessageType.RegisterName => new RegisterName(ZoneName(), Label(), Records()),
        MessageType.UpdateName => new UpdateName(ZoneName(), Label(), Records()),
        MessageType.TransferName => new TransferName(ZoneName(), Label(), Hash()),
        MessageType.AcceptName => new AcceptName(ZoneName(), Label()),
        MessageType.RenewName => new RenewName(ZoneName(), Label()),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a name message."),
    };

    /// <summary>A zone policy within the decoder's bounds (usable or not: the application judges it).</summary>
    private ZonePolicy ZonePolicy(string origin) => new(
        origin,
        "hostmaster." + origin,
        [.. Enumerable.Range(1, BoundaryLength(1, 3)).Select(i => new ZoneNameServer($"ns{i}.{origin}", _random.Next(3) switch { 0 => [], 1 => Bytes(4, 4), _ => Bytes(16, 16) }))],
        [.. Enumerable.Range(0, BoundaryLength(0, 3)).Select(_ => Identifier())],
        _random.Next(2) == 0,
        (uint)_random.Next(1, DomainNames.MaxLabelLength + 1),
        [.. Enumerable.Range(0, BoundaryLength(0, 3)).Select(_ => Identifier())],
        (ulong)_random.NextInt64(),
        (ulong)_random.NextInt64(),
        (uint)_random.Next(1, NameRecord.MaxRecords + 1),
        [.. Enumerable.Range(0, BoundaryLength(1, 4)).Select(_ => RecordTypes[_random.Next(RecordTypes.Length)])],
        _random.Next(2) == 0,
        (uint)_random.Next(1, (int)NameRecord.MaxTtl),
        [.. Enumerable.Range(0, BoundaryLength(0, 2)).Select(_ => new ZoneSecondary(Bytes(4, 4), (ushort)_random.Next(1, 65536)))],
        _random.Next(2) == 0 ? "" : "xfr." + origin,
        [.. Enumerable.Range(0, BoundaryLength(0, 2)).Select(i => new ZoneSigningKey(Identifier(), Key(i).PublicKey.Point.ToArray(), _random.Next(2) == 0))]);

    private string ZoneName() => Identifier() + ".internal.";

    private string Label() => Text(0, DomainNames.MaxLabelLength);

    private NameRecord[] Records() =>
        [.. Enumerable.Range(0, BoundaryLength(0, 6)).Select(_ => new NameRecord(
            Text(0, 40), RecordTypes[_random.Next(RecordTypes.Length)], (uint)_random.Next((int)NameRecord.MaxTtl), Bytes(0, 64)))];
}
