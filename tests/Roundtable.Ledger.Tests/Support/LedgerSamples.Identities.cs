using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Identities;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Samples of the identity messages (types 8 and 9): DER is opaque to the ledger, so any bytes within the limits are a valid encoding.</summary>
internal sealed partial class LedgerSamples
{
    /// <summary>The message with one field changed, or null when it is not an identity message.</summary>
    public static TxMessage? AlteredIdentityMessage(TxMessage message) => message switch
    {
        AttestCertificate m => m with { Anchor = m.Anchor == "a" ? "b" : "a" },
        PostRevocationList m => m with { Anchor = m.Anchor == "a" ? "b" : "a" },
        _ => null,
    };

    private TxMessage IdentityMessage(MessageType type) => type == MessageType.AttestCertificate
        ? new AttestCertificate(Identifier(), Text(0, AttestCertificate.MaxOrganisationBytes), DerBlobs(1, AttestCertificate.MaxCertificates))
        : new PostRevocationList(Identifier(), Blob(PostRevocationList.MaxRevocationListBytes), DerBlobs(0, PostRevocationList.MaxIssuers));

    private byte[][] DerBlobs(int min, int max) => [.. Enumerable.Range(0, BoundaryLength(min, max)).Select(_ => Blob(DerList.MaxCertificateBytes))];

    private byte[] Blob(int max)
    {
        var bytes = new byte[BoundaryLength(1, max)];
        _random.NextBytes(bytes);
        return bytes;
    }
}
