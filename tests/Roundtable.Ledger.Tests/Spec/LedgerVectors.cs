using System.Text;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.PersonalData;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests.Spec;

/// <summary>
/// The values behind the ledger test vectors of docs/encoding.md (sections 8.7 and 9.8): keys from
/// fixed private scalars, and every field of the transactions and blocks. ECDSA signatures use
/// random nonces, so the signed bytes were generated once and pasted into the document; the tests
/// check that those bytes are exactly these values with valid signatures.
/// </summary>
internal static class LedgerVectors
{
    public const string Chain = "roundtable-test";

    /// <summary>Private scalar 0x01 repeated 32 times: the member who registers, sets guardians, rotates, cancels and revokes.</summary>
    public const byte MemberFill = 0x01;

    /// <summary>Private scalar 0x02…: a guardian who attests and approves a recovery.</summary>
    public const byte GuardianFill = 0x02;

    /// <summary>Private scalar 0x03…: the key the member rotates to, and the key a recovery moves it to.</summary>
    public const byte NewKeyFill = 0x03;

    /// <summary>Private scalars 0x11…, 0x12…, 0x13…, 0x14…: the four validators.</summary>
    public static readonly byte[] ValidatorFills = [0x11, 0x12, 0x13, 0x14];

    public const ulong GenesisTimeMs = 1_700_000_000_000;

    /// <summary>Precommit timestamps of validators 0x11, 0x12 and 0x13 in the commit of block 1 (0x14 does not sign).</summary>
    public static readonly ulong[] CommitTimestamps = [1_700_000_001_000, 1_700_000_001_250, 1_700_000_001_500];

    public static PrivateKey Key(byte fill) => PrivateKey.FromScalar(Enumerable.Repeat(fill, 32).ToArray());

    /// <summary>The member's id: the id of its first key.</summary>
    public static Hash256 MemberId => Key(MemberFill).PublicKey.Id;

    public static Hash256 GuardianId => Key(GuardianFill).PublicKey.Id;

    /// <summary>A vector salt: 32 bytes of <paramref name="fill"/> (docs/personal-data.md, test vectors).</summary>
    public static byte[] Salt(byte fill) => Enumerable.Repeat(fill, PersonalFieldCommitment.SaltBytes).ToArray();

    /// <summary>A transaction vector: who signs which message with which sequence and expiry.</summary>
    /// <param name="Id">Vector id in the document.</param>
    /// <param name="SenderFill">Byte repeated to form the sender's private scalar.</param>
    /// <param name="Sequence">Sequence field.</param>
    /// <param name="ExpiryHeight">Expiry height field.</param>
    /// <param name="Message">The message; its argument is the possession signature of rotate-key (random, so taken from the signed vector).</param>
    public sealed record TxVector(string Id, byte SenderFill, ulong Sequence, ulong ExpiryHeight, Func<Signature, TxMessage> Message);

    public static readonly TxVector[] Transactions =
    [
        new("tx-register-member", MemberFill, 0, 100, _ => new RegisterMember(
            "Ada Lovelace", "civil-society", "europe", [new ProfileField("gender", PersonalFieldCommitment.Compute("gender", Salt(0x01), "female")), new ProfileField("organisation", PersonalFieldCommitment.Compute("organisation", Salt(0x02), "Société Analytique"))])),
        new("tx-set-guardians", MemberFill, 1, 100, _ => new SetGuardians([.. new[] { GuardianId, Key(0x04).PublicKey.Id }.Order()], 1)),
        new("tx-attest-affiliation", GuardianFill, 7, 1_000, _ => new AttestAffiliation(MemberId)),
        new("tx-rotate-key", MemberFill, 2, 1_000, possession => new RotateKey(Key(NewKeyFill).PublicKey, possession)),
        new("tx-approve-recovery", GuardianFill, 8, 1_000, _ => new ApproveRecovery(MemberId, Key(NewKeyFill).PublicKey)),
        new("tx-cancel-recovery", NewKeyFill, 3, 1_000, _ => new CancelRecovery()),
        new("tx-revoke-key", NewKeyFill, 4, 4_294_967_296, _ => new RevokeKey()),
    ];

    /// <summary>Which transaction vectors each block vector carries, in order.</summary>
    public static readonly string[] Block1Transactions = ["tx-register-member", "tx-set-guardians", "tx-attest-affiliation"];

    public static readonly string[] Block2Transactions = ["tx-rotate-key", "tx-approve-recovery", "tx-cancel-recovery", "tx-revoke-key"];

    /// <summary>State roots are opaque to the encoding; the vectors use SHA-256 of an ASCII label.</summary>
    public static readonly Hash256 Block1StateRoot = Hash256.Compute(Encoding.ASCII.GetBytes("roundtable-test genesis state"));

    public static readonly Hash256 Block2StateRoot = Hash256.Compute(Encoding.ASCII.GetBytes("roundtable-test state after block 1"));

    public static ValidatorSet Validators() => new(StakeholderPower.Assign(
    [
        new Validator(Key(0x11).PublicKey, "Government validator", "government", 0),
        new Validator(Key(0x12).PublicKey, "Civil society validator", "civil-society", 0),
        new Validator(Key(0x13).PublicKey, "Technical community validator", "technical-community", 0),
        new Validator(Key(0x14).PublicKey, "Private sector validator", "private-sector", 0),
    ]));

    /// <summary>The header fields of block 1 (height 1: no previous block, no commit, genesis time), proposed by validator 0x11.</summary>
    public static BlockHeader Block1Header(Hash256 txRoot) => new(
        Chain, 1, GenesisTimeMs, Hash256.Zero, txRoot, Block.ComputeEvidenceRoot([]), Block1StateRoot,
        Validators().Hash, Validators().Hash, Key(0x11).PublicKey, null);

    /// <summary>The header fields of block 2, proposed by validator 0x12, with the commit of block 1.</summary>
    public static BlockHeader Block2Header(Hash256 block1Id, Hash256 txRoot, Commit lastCommit) => new(
        Chain, 2, CommitTimestamps[1], block1Id, txRoot, Block.ComputeEvidenceRoot([]), Block2StateRoot,
        Validators().Hash, Validators().Hash, Key(0x12).PublicKey, lastCommit);
}
