using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;

namespace Roundtable.Portal.Explaining;

/// <summary>
/// What a transaction did, as the pieces of a sentence: who sent it (as the member records name
/// them), what kind of act it was, and what it was about. The page puts the pieces into the reader's
/// language with the template "tx.&lt;message type&gt;".
/// </summary>
/// <param name="Hash">The transaction's hash.</param>
/// <param name="Type">The message type, which picks the sentence.</param>
/// <param name="Sender">The sending member's record, or null when the key belongs to no member (yet).</param>
/// <param name="Subject">What the act was about (a proposal, a session, a document), when it names one.</param>
/// <param name="Result">Whether it took effect, or why not; null while it waits for a block.</param>
public sealed record TransactionStory(Hash256 Hash, MessageType Type, MemberRecord? Sender, StorySubject? Subject, TxResult? Result)
{
    /// <summary>The language key of its sentence.</summary>
    public string SentenceKey => "tx." + Type;
}

/// <summary>What a transaction was about: a title as the chain records it, and the portal page that shows it.</summary>
/// <param name="Title">The title or name, shown encoded like any text.</param>
/// <param name="Href">The page about it, or null when the portal has none.</param>
public sealed record StorySubject(string Title, string? Href);
