using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Core.Crypto;

namespace Roundtable.Application.Execution;

/// <summary>What a message handler may see and touch: the buffered state, the block and the sender.</summary>
/// <param name="State">Buffered state; writes land only if the handler returns normally.</param>
/// <param name="ChainId">The chain.</param>
/// <param name="Height">Height of the block being executed.</param>
/// <param name="TimeMs">BFT time of that block.</param>
/// <param name="Parameters">Current parameters.</param>
/// <param name="SenderKey">The signing key.</param>
/// <param name="Sender">
/// The sender's member record (sequence already advanced), or null when the signing key has no
/// owner at all: a key never registered, not even as a member's earlier key (a registration).
/// </param>
public sealed record TxContext(
    StateView State,
    string ChainId,
    ulong Height,
    ulong TimeMs,
    ChainParameters Parameters,
    PublicKey SenderKey,
    MemberRecord? Sender)
{
    /// <summary>The sender's record; refuses when the sender is not a member.</summary>
    public MemberRecord RequireSender() =>
        Sender ?? throw new TxRejectedException(TxCode.UnknownSender, "The sender is not a member.");
}
