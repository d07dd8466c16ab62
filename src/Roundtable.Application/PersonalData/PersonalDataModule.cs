using Roundtable.Application.Execution;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.PersonalData;

namespace Roundtable.Application.PersonalData;

/// <summary>
/// Personal fields beside the chain (docs/personal-data.md): registrations and check-ins record
/// commitments here; their owner withdraws them. The state never sees a value, so a node that
/// holds no value executes exactly as one that holds them all.
/// </summary>
public static class PersonalDataModule
{
    /// <summary>True for the messages this module executes.</summary>
    public static bool Handles(MessageType type) => type is MessageType.WithdrawPersonalField;

    /// <summary>A personal field by its commitment, or null.</summary>
    public static PersonalFieldRecord? GetField(StateView state, Hash256 commitment) => state.Get<PersonalFieldRecord>(PersonalDataKeys.Field(commitment));

    /// <summary>A personal field by its commitment in a frozen state, or null.</summary>
    public static PersonalFieldRecord? GetField(StateSnapshot state, Hash256 commitment) =>
        state.Get(PersonalDataKeys.Field(commitment)) is { } encoded ? Canonical.FromBytes<PersonalFieldRecord>(encoded) : null;

    /// <summary>
    /// The personal fields of a frozen state in commitment order, after <paramref name="after"/>
    /// (from the first when null), read lazily: a node walks them a stretch at a time to find the
    /// values it lacks, without holding up the chain while it does.
    /// </summary>
    public static IEnumerable<PersonalFieldRecord> Fields(StateSnapshot state, Hash256? after = null)
    {
        var prefix = PersonalDataKeys.FieldPrefixBytes;
        // Every field key has the same length, so the key just past "after" is "after" plus a zero byte.
        var entries = after is { } cursor ? state.EnumeratePrefix(prefix, [.. PersonalDataKeys.Field(cursor), 0]) : state.EnumeratePrefix(prefix);
        return entries.Select(entry => Canonical.FromBytes<PersonalFieldRecord>(entry.Value));
    }

    /// <summary>
    /// Records a new commitment of <paramref name="owner"/>; a commitment already on record is
    /// refused, since a fresh salt never repeats one.
    /// </summary>
    public static void Record(TxContext ctx, Hash256 owner, string field, Hash256 commitment)
    {
        if (GetField(ctx.State, commitment) is not null)
        {
            throw new TxRejectedException(TxCode.CommitmentReused, $"Commitment {commitment.ToShortString()} is already on record; commit each value with a fresh salt.");
        }

        ctx.State.Put(PersonalDataKeys.Field(commitment), new PersonalFieldRecord(commitment, owner, field, ctx.Height, 0));
    }

    /// <summary>Executes one personal-data message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        if (message is not WithdrawPersonalField m)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"The personal-data module does not handle {message.Type}.");
        }

        var sender = ctx.RequireSender();
        var field = GetField(ctx.State, m.Commitment)
            ?? throw new TxRejectedException(TxCode.UnknownPersonalField, $"No personal field has commitment {m.Commitment.ToShortString()}.");
        if (field.Owner != sender.Id)
        {
            throw new TxRejectedException(TxCode.Unauthorized, "Only the owner of a personal field can withdraw it.");
        }

        if (field.IsWithdrawn)
        {
            throw new TxRejectedException(TxCode.AlreadyWithdrawn, $"The field was already withdrawn at height {field.WithdrawnAtHeight}.");
        }

        ctx.State.Put(PersonalDataKeys.Field(m.Commitment), field with { WithdrawnAtHeight = ctx.Height });
    }
}
