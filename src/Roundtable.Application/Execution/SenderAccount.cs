using Roundtable.Application.Members;

namespace Roundtable.Application.Execution;

/// <summary>How the state sees a signing key: its member (if any), the next sequence, or why it cannot sign.</summary>
/// <param name="Member">The member whose current key it is, or null for an unregistered key.</param>
/// <param name="NextSequence">The sequence the key's next transaction must carry.</param>
/// <param name="Problem">Null when the key may sign; otherwise why not.</param>
public sealed record SenderAccount(MemberRecord? Member, ulong NextSequence, TxResult? Problem);
