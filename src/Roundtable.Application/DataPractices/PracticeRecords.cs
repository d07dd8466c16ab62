using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;

namespace Roundtable.Application.DataPractices;

/// <summary>A statement as a whole: who publishes it, its current version, how many versions and comments it has.</summary>
/// <param name="Id">The digest of its first version.</param>
/// <param name="Author">The publishing member.</param>
/// <param name="Current">The digest of its newest version.</param>
/// <param name="Versions">How many versions it has (1 or more).</param>
/// <param name="Comments">How many comments were made on any of its versions.</param>
public sealed record PracticeHead(Hash256 Id, Hash256 Author, Hash256 Current, uint Versions, uint Comments) : ICanonical<PracticeHead>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Id);
        writer.WriteHash(Author);
        writer.WriteHash(Current);
        writer.WriteVarUInt(Versions);
        writer.WriteVarUInt(Comments);
    }

    /// <inheritdoc />
    public static PracticeHead Decode(ref CanonicalReader reader) => new(
        reader.ReadHash(), reader.ReadHash(), reader.ReadHash(),
        (uint)reader.ReadVarUInt(DataPracticesModule.MaxVersions, "version count"),
        (uint)reader.ReadVarUInt(DataPracticesModule.MaxComments, "comment count"));
}

/// <summary>One version of a statement, as published.</summary>
/// <param name="Document">The anchored document (author, previous version, statement); its digest is the version's id.</param>
/// <param name="StatementId">The statement it belongs to.</param>
/// <param name="Number">1 for the first version, then 2, 3, …</param>
/// <param name="Height">Height of the block that published it.</param>
/// <param name="TimeMs">Time of that block.</param>
public sealed record PracticeVersion(PracticeDocument Document, Hash256 StatementId, uint Number, ulong Height, ulong TimeMs) : ICanonical<PracticeVersion>
{
    /// <summary>The version's id: its document's digest.</summary>
    public Hash256 Digest => Document.Digest;

    /// <summary>The statement as this version words it.</summary>
    public PracticeStatement Statement => Document.Statement;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        Document.Encode(writer);
        writer.WriteHash(StatementId);
        writer.WriteVarUInt(Number);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(TimeMs);
    }

    /// <inheritdoc />
    public static PracticeVersion Decode(ref CanonicalReader reader) => new(
        PracticeDocument.Decode(ref reader), reader.ReadHash(), (uint)reader.ReadVarUInt(DataPracticesModule.MaxVersions, "version number"), reader.ReadVarUInt(), reader.ReadVarUInt());
}

/// <summary>A comment on a version of a statement.</summary>
/// <param name="Version">The version commented on.</param>
/// <param name="Author">The commenting member.</param>
/// <param name="Text">The comment.</param>
/// <param name="Height">Height of the block that recorded it.</param>
/// <param name="TimeMs">Time of that block.</param>
public sealed record PracticeComment(Hash256 Version, Hash256 Author, string Text, ulong Height, ulong TimeMs) : ICanonical<PracticeComment>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Version);
        writer.WriteHash(Author);
        writer.WriteString(Text);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(TimeMs);
    }

    /// <inheritdoc />
    public static PracticeComment Decode(ref CanonicalReader reader) => new(
        reader.ReadHash(), reader.ReadHash(), reader.ReadString(Ledger.Messages.DataPractices.CommentOnPracticeStatement.MaxTextBytes, "comment"), reader.ReadVarUInt(), reader.ReadVarUInt());
}

/// <summary>The index entry saying a member published a statement, with the height it did.</summary>
/// <param name="Height">Height of the first version.</param>
public sealed record PracticeAuthorship(ulong Height) : ICanonical<PracticeAuthorship>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteVarUInt(Height);

    /// <inheritdoc />
    public static PracticeAuthorship Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt());
}
