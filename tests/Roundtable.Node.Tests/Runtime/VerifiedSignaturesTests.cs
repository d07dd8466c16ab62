using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Tests.Runtime;

/// <summary>
/// Signatures checked ahead of execution, in parallel: each verdict is the transaction's own,
/// whatever its position and neighbours, and a transaction vouched for is not checked again.
/// </summary>
public sealed class VerifiedSignaturesTests
{
    private const string ChainId = "test-chain";

    [Theory]
    [InlineData(3)]
    [InlineData(200)]
    public void Each_transaction_gets_its_own_verdict_serially_or_in_parallel(int count)
    {
        using var key = PrivateKey.Generate();
        var transactions = Enumerable.Range(0, count).Select(i =>
        {
            var genuine = Transaction.Create(ChainId, key, (ulong)i, 1_000, new SetGuardians([], 0));

            // Every third one carries another transaction's signature: valid bytes, wrong message.
            return i % 3 == 1 ? Transaction.FromParts(ChainId, key.PublicKey, (ulong)i, 1_000, new RevokeKey(), genuine.Signature) : genuine;
        }).ToList();

        var signatures = VerifiedSignatures.Check(transactions, _ => false);

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i % 3 != 1, signatures.IsValid(transactions[i]));
        }
    }

    [Fact]
    public void A_transaction_vouched_for_counts_as_valid_without_a_check()
    {
        using var key = PrivateKey.Generate();
        var genuine = Transaction.Create(ChainId, key, 0, 1_000, new SetGuardians([], 0));
        var forged = Transaction.FromParts(ChainId, key.PublicKey, 0, 1_000, new RevokeKey(), genuine.Signature);

        var signatures = VerifiedSignatures.Check([forged], t => t.Hash == forged.Hash);

        Assert.True(signatures.IsValid(forged));
    }
}
