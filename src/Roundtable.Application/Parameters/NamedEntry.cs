using Roundtable.Core.Encoding;
using Roundtable.Ledger;

namespace Roundtable.Application.Parameters;

/// <summary>A stakeholder group or region: a stable identifier and a display name.</summary>
/// <param name="Id">An <see cref="Identifier"/>.</param>
/// <param name="Name">Display name, 1–100 UTF-8 bytes.</param>
public sealed record NamedEntry(string Id, string Name) : ICanonical<NamedEntry>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Id);
        writer.WriteString(Name);
    }

    /// <inheritdoc />
    public static NamedEntry Decode(ref CanonicalReader reader) =>
        new(Identifier.Read(ref reader, "entry id"), reader.ReadString(100, "entry name"));
}
