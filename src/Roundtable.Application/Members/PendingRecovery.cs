using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Members;

/// <summary>One guardian's approval of a new key.</summary>
/// <param name="Guardian">The approving guardian.</param>
/// <param name="NewKey">The key it approved.</param>
public sealed record RecoveryApproval(Hash256 Guardian, PublicKey NewKey);

/// <summary>
/// A recovery in progress. Approvals are per guardian and per key, so a guardian approving a
/// wrong key cannot block the others. When a key reaches the threshold it is scheduled for
/// <see cref="ReadyAtMs"/>.
/// </summary>
public sealed record PendingRecovery(Hash256 Member, IReadOnlyList<RecoveryApproval> Approvals, PublicKey? ScheduledKey, ulong ReadyAtMs) : ICanonical<PendingRecovery>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Member);
        writer.WriteList(Approvals, static (w, a) =>
        {
            w.WriteHash(a.Guardian);
            a.NewKey.Encode(w);
        });
        writer.WriteOptional(ScheduledKey, static (w, k) => k.Encode(w));
        writer.WriteVarUInt(ReadyAtMs);
    }

    /// <inheritdoc />
    public static PendingRecovery Decode(ref CanonicalReader reader)
    {
        var member = reader.ReadHash();
        var count = reader.ReadLength(SetGuardians.MaxGuardians, "approval count");
        var approvals = new RecoveryApproval[count];
        for (var i = 0; i < count; i++)
        {
            approvals[i] = new RecoveryApproval(reader.ReadHash(), PublicKey.Decode(ref reader));
        }

        var scheduled = reader.ReadOptionalMarker() ? PublicKey.Decode(ref reader) : null;
        return new PendingRecovery(member, approvals, scheduled, reader.ReadVarUInt());
    }
}
