using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Validators;

/// <summary>A validator: its consensus key, a name, the stakeholder group it runs for and its voting power.</summary>
/// <param name="Key">The key that signs votes and proposals.</param>
/// <param name="Name">The operator's name, 1–64 UTF-8 bytes.</param>
/// <param name="StakeholderGroup">An <see cref="Identifier"/> naming the group.</param>
/// <param name="Power">Voting power, assigned by <see cref="StakeholderPower"/>.</param>
public sealed record Validator(PublicKey Key, string Name, string StakeholderGroup, ulong Power)
{
    /// <summary>The consensus key: ECDSA P-256 only (a passkey cannot sign votes or proposals).</summary>
    /// <exception cref="ArgumentException">The key is a passkey or of another algorithm.</exception>
    public PublicKey Key { get; init; } = PublicKey.ConsensusKeyProblem(Key) is { } problem ? throw new ArgumentException(problem, nameof(Key)) : Key;

    /// <summary>Maximum UTF-8 length of a validator name.</summary>
    public const int MaxNameBytes = 64;

    /// <summary>Writes key, name, group and power.</summary>
    public void Encode(CanonicalWriter writer)
    {
        Key.Encode(writer);
        writer.WriteString(Name);
        writer.WriteString(StakeholderGroup);
        writer.WriteVarUInt(Power);
    }

    /// <summary>Reads a validator.</summary>
    public static Validator Decode(ref CanonicalReader reader)
    {
        var key = PublicKey.DecodeConsensusKey(ref reader);
        var name = reader.ReadString(MaxNameBytes, "validator name");
        if (name.Length == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "A validator needs a name.");
        }

        return new(key, name, Identifier.Read(ref reader, "validator group"), reader.ReadVarUInt());
    }
}
