using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Identities;

namespace Roundtable.Application.Identities;

/// <summary>
/// Identities from trust services: affiliations verified by X.509 certificates chaining to a trust
/// anchor of the chain parameters, revoked by the issuer's CRLs, expiring at the certificate's
/// notAfter. Everything is checked at the block's time with the inputs in the transaction and the
/// state; nothing is fetched. Pure: reads and writes only the state view. See docs/identities.md.
/// </summary>
public static class IdentitiesModule
{
    private const int DigitalSignature = 0;
    private const int CrlSign = 6;

    /// <summary>True for the message types this module executes.</summary>
    public static bool Handles(MessageType type) => type is MessageType.AttestCertificate or MessageType.PostRevocationList;

    /// <summary>A member's certificate affiliation, or null.</summary>
    public static CertifiedAffiliation? GetAffiliation(StateView state, Hash256 member) => state.Get<CertifiedAffiliation>(IdentityKeys.Affiliation(member));

    /// <summary>Executes one identities message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        try
        {
            switch (message)
            {
                case AttestCertificate m: Attest(ctx, m); break;
                case PostRevocationList m: PostList(ctx, m); break;
                default: throw new TxRejectedException(TxCode.InvalidArgument, $"The identities module does not handle {message.Type}.");
            }
        }
        catch (CertificateException e)
        {
            throw new TxRejectedException(TxCode.CertificateRefused, e.Message);
        }
    }

    /// <summary>Takes the verification away from members whose certificate's notAfter is before <paramref name="timeMs"/>.</summary>
    public static void ExpireDue(StateView state, ulong timeMs)
    {
        var due = state.EnumerateCommitted(IdentityKeys.ExpiryPrefix)
            .Select(e => (e.Key, Entry: IdentityKeys.ParseExpiry(e.Key)))
            .TakeWhile(e => e.Entry.NotAfterMs < timeMs)
            .ToList();
        foreach (var (key, entry) in due)
        {
            state.Delete(key);
            Unverify(state, entry.Member);
        }
    }

    private static void Attest(TxContext ctx, AttestCertificate m)
    {
        var sender = ctx.RequireSender();
        var anchor = RequireAnchor(ctx, m.Anchor);
        if (!anchor.Vouches(sender.StakeholderGroup))
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"Trust anchor '{anchor.Name}' does not vouch for members of '{sender.StakeholderGroup}'.");
        }

        var (leaf, issuer) = VerifiedLeaf(ctx, anchor, m, sender);
        if (ctx.State.Get<CertificateHolder>(IdentityKeys.Certificate(issuer, leaf.Serial.Span)) is { } holder && holder.Member != sender.Id)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"Member {holder.Member.ToShortString()} was verified by a certificate with the same issuer and serial; an issuer never reuses a serial.");
        }

        var previous = GetAffiliation(ctx.State, sender.Id);
        if (previous is not null)
        {
            ctx.State.Delete(IdentityKeys.Certificate(previous.Issuer, previous.Serial));
            ctx.State.Delete(IdentityKeys.Expiry(previous.NotAfterMs, sender.Id));
        }

        // The certificate verifies the member only if nothing else did; then its end takes the verification away.
        var verifiesMember = !sender.IsVerified || previous is { VerifiedMember: true, RevokedAtHeight: 0 };
        var notAfter = (ulong)leaf.NotAfterMs;
        ctx.State.Put(IdentityKeys.Affiliation(sender.Id), new CertifiedAffiliation(
            anchor.Name, m.Organisation, leaf.Digest, issuer, leaf.Serial.ToArray(), notAfter, ctx.Height, RevokedAtHeight: 0, verifiesMember));
        ctx.State.Put(IdentityKeys.Certificate(issuer, leaf.Serial.Span), new CertificateHolder(sender.Id));
        if (verifiesMember)
        {
            ctx.State.Put(IdentityKeys.Expiry(notAfter, sender.Id), IndexMark.Instance);
            ctx.State.Put(StateKeys.Member(sender.Id), sender with { VerifiedAtHeight = sender.IsVerified ? sender.VerifiedAtHeight : ctx.Height });
        }
    }

    /// <summary>The leaf of a path valid at the block's time, for the sender's key and naming the published organisation, not revoked; with its issuer's id.</summary>
    private static (DerCertificate Leaf, Hash256 Issuer) VerifiedLeaf(TxContext ctx, TrustAnchor anchor, AttestCertificate m, MemberRecord sender)
    {
        var chain = m.Certificates.Select(DerCertificate.Parse).ToList();
        var leaf = chain[0];
        var root = DerCertificate.Parse(anchor.Root);
        CertificatePath.Require(root, chain, (long)ctx.TimeMs);
        if (SignatureCheck.P256Point(leaf.SubjectPublicKeyInfo) is not { } point || !point.AsSpan().SequenceEqual(sender.Key.Point))
        {
            throw new CertificateException("The certificate is not for your key: its subject public key must be your member key (P-256).");
        }

        if (leaf.KeyUsage is not null && !leaf.HasKeyUsage(DigitalSignature))
        {
            throw new CertificateException("The certificate's key usage does not allow digital signatures.");
        }

        if (m.Organisation.Length > 0 && !leaf.Organisations.Contains(m.Organisation))
        {
            throw new CertificateException($"The certificate's subject has no organisation (O=) '{m.Organisation}'; publish one of its O= values or none.");
        }

        var issuer = IdentityKeys.IssuerId(chain.Count > 1 ? chain[1] : root);
        if (ctx.State.Get<RevokedSerial>(IdentityKeys.RevokedSerial(issuer, leaf.Serial.Span)) is { } revoked)
        {
            throw new CertificateException($"The certificate was revoked by its issuer's revocation list at height {revoked.Height}.");
        }

        return (leaf, issuer);
    }

    private static void PostList(TxContext ctx, PostRevocationList m)
    {
        ctx.RequireSender();
        var anchor = RequireAnchor(ctx, m.Anchor);
        var list = DerRevocationList.Parse(m.RevocationList);
        var root = DerCertificate.Parse(anchor.Root);
        var issuers = m.Issuers.Select(DerCertificate.Parse).ToList();
        var time = (long)ctx.TimeMs;
        if (issuers.Count == 0)
        {
            CertificatePath.RequireValidAt(root, time, "trust anchor's root certificate");
        }
        else
        {
            CertificatePath.Require(root, issuers, time);
        }

        var signer = issuers.Count > 0 ? issuers[0] : root;
        if (!signer.HasKeyUsage(CrlSign))
        {
            throw new CertificateException("The revocation list's signer may not sign CRLs (its key usage lacks cRLSign).");
        }

        if (!list.Issuer.Span.SequenceEqual(signer.Subject.Span))
        {
            throw new CertificateException("The revocation list's issuer is not the certificate given as its signer.");
        }

        list.Envelope.RequireSignedBy(signer.SubjectPublicKeyInfo, "revocation list");
        if (list.ThisUpdateMs > time || list.ThisUpdateMs < 0)
        {
            throw new CertificateException($"The revocation list's thisUpdate ({CertificatePath.Timestamp(list.ThisUpdateMs)}) is after the block's time or before 1970.");
        }

        var issuer = IdentityKeys.IssuerId(signer);
        if (ctx.State.Get<RevocationListRecord>(IdentityKeys.RevocationList(issuer)) is { } last && (ulong)list.ThisUpdateMs <= last.ThisUpdateMs)
        {
            throw new CertificateException($"A revocation list of this issuer issued at {CertificatePath.Timestamp((long)last.ThisUpdateMs)} was already posted; this one is not newer.");
        }

        foreach (var serial in list.RevokedSerials)
        {
            Revoke(ctx, issuer, serial.Span);
        }

        ctx.State.Put(IdentityKeys.RevocationList(issuer), new RevocationListRecord(anchor.Name, list.Digest, (ulong)list.ThisUpdateMs, ctx.Height, (uint)list.RevokedSerials.Count));
    }

    private static void Revoke(TxContext ctx, Hash256 issuer, ReadOnlySpan<byte> serial)
    {
        var key = IdentityKeys.RevokedSerial(issuer, serial);
        if (ctx.State.Get<RevokedSerial>(key) is not null)
        {
            return;
        }

        ctx.State.Put(key, new RevokedSerial(ctx.Height));
        if (ctx.State.Get<CertificateHolder>(IdentityKeys.Certificate(issuer, serial)) is not { } holder
            || GetAffiliation(ctx.State, holder.Member) is not { RevokedAtHeight: 0 } affiliation)
        {
            return;
        }

        ctx.State.Put(IdentityKeys.Affiliation(holder.Member), affiliation with { RevokedAtHeight = ctx.Height });
        if (affiliation.VerifiedMember)
        {
            ctx.State.Delete(IdentityKeys.Expiry(affiliation.NotAfterMs, holder.Member));
            Unverify(ctx.State, holder.Member);
        }
    }

    private static void Unverify(StateView state, Hash256 member)
    {
        if (MembersModule.GetMember(state, member) is { } record)
        {
            state.Put(StateKeys.Member(member), record with { VerifiedAtHeight = 0 });
        }
    }

    private static TrustAnchor RequireAnchor(TxContext ctx, string name) =>
        ctx.Parameters.FindAnchor(name) ?? throw new TxRejectedException(TxCode.NotFound, $"The chain parameters name no trust anchor '{name}'.");
}
