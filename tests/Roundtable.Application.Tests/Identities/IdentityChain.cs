using Roundtable.Application.Identities;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages.Identities;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Application.Tests.Identities;

/// <summary>
/// A test chain whose parameters name one trust anchor, "university" (an ECDSA root), whose RSA
/// intermediate issues members' certificates; and a registered, not yet verified member of civil society.
/// </summary>
internal sealed class IdentityChain
{
    public const string Anchor = "university";
    public const string Organisation = "Example University";

    public IdentityChain(TestPki.Authority? root = null, params string[] anchorGroups)
    {
        Root = root ?? TestPki.Root("University Root");
        Issuing = TestPki.Intermediate(Root, "University Issuing CA", rsa: true);
        Chain = new TestChain(trustAnchors: [TestPki.Anchor(Anchor, Root, anchorGroups)]);
        Member = Chain.Register("ada", group: "civil-society");
    }

    public TestPki.Authority Root { get; }

    public TestPki.Authority Issuing { get; }

    public TestChain Chain { get; }

    public PrivateKey Member { get; }

    public LedgerApplication App => Chain.App;

    public CertifiedAffiliation? Affiliation => App.GetAffiliation(Member.PublicKey.Id);

    /// <summary>The member's certificate (serial 0x01 0x07) from the issuing intermediate.</summary>
    public byte[] Leaf(DateTimeOffset? from = null, DateTimeOffset? until = null) => TestPki.Leaf(Issuing, Member, 7, from: from, until: until);

    public Transaction Attest(params byte[][] certificates) => Attest(Organisation, certificates);

    public Transaction Attest(string organisation, params byte[][] certificates) =>
        Chain.Tx(Member, new AttestCertificate(Anchor, organisation, certificates));

    /// <summary>Attests <see cref="Leaf"/> with the intermediate and fails unless it is verified.</summary>
    public byte[] AttestOk()
    {
        var leaf = Leaf();
        Chain.RunOk(Attest(leaf, Issuing.Der));
        return leaf;
    }

    /// <summary>A CRL post by <paramref name="poster"/> (any member), with the CRL's signer certificate.</summary>
    public Transaction PostCrl(PrivateKey poster, byte[] crl, params byte[][] issuers) =>
        Chain.Tx(poster, new PostRevocationList(Anchor, crl, issuers));
}
