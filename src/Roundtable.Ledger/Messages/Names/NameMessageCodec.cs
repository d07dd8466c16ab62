using Roundtable.Core.Encoding;
using Roundtable.Ledger.Names;

namespace Roundtable.Ledger.Messages.Names;

/// <summary>Decoders of the name messages (type tags 96–111) and the zone-and-label pair they all start with.</summary>
public static class NameMessageCodec
{
    /// <summary>Reads the body of the name message tagged <paramref name="tag"/>.</summary>
    public static TxMessage DecodeBody(ulong tag, ref CanonicalReader reader) => tag switch
    {
        (ulong)MessageType.RegisterName => RegisterName.DecodeBody(ref reader),
        (ulong)MessageType.UpdateName => UpdateName.DecodeBody(ref reader),
        (ulong)MessageType.TransferName => TransferName.DecodeBody(ref reader),
        (ulong)MessageType.AcceptName => AcceptName.DecodeBody(ref reader),
        (ulong)MessageType.RenewName => RenewName.DecodeBody(ref reader),
        _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown message type {tag}."),
    };

    /// <summary>Writes a zone origin and a label.</summary>
    public static void WriteName(CanonicalWriter writer, string zone, string label)
    {
        writer.WriteString(zone);
        writer.WriteString(label);
    }

    /// <summary>Reads a zone origin and a label, bounded by the longest name and label.</summary>
    public static (string Zone, string Label) ReadName(ref CanonicalReader reader) =>
        (reader.ReadString(DomainNames.MaxNameLength + 1, "zone"), reader.ReadString(DomainNames.MaxLabelLength, "label"));
}
