using Roundtable.Core.Encoding;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Decodes input that must be refused and returns the rejection class; any other exception fails the test.</summary>
internal static class Refused
{
    public static DecodeError Transaction(byte[] bytes) => Assert.Throws<DecodeException>(() => Transactions.Transaction.Decode(bytes)).Error;

    public static DecodeError Block(byte[] bytes) => Assert.Throws<DecodeException>(() => Blocks.Block.Decode(bytes)).Error;

    public static DecodeError Commit(byte[] bytes) => Assert.Throws<DecodeException>(() => Blocks.Commit.Decode(bytes)).Error;

    public static DecodeError ValidatorSet(byte[] bytes) => Assert.Throws<DecodeException>(() => DecodeValidatorSet(bytes)).Error;

    public static ValidatorSet DecodeValidatorSet(byte[] bytes)
    {
        var reader = new CanonicalReader(bytes);
        var set = Validators.ValidatorSet.Decode(ref reader);
        reader.EnsureEnd();
        return set;
    }
}
