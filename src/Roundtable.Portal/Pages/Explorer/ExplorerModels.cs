using Roundtable.Application.Validators;
using Roundtable.Ledger.Consensus;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Explaining;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Explorer;

/// <summary>A page of the latest blocks, newest first.</summary>
/// <param name="Rows">The blocks on this page.</param>
/// <param name="Tip">The newest height.</param>
/// <param name="Newer">The "from" height of the newer page, or null on the first page.</param>
/// <param name="Older">The "from" height of the older page, or null on the last.</param>
public sealed record BlockListModel(IReadOnlyList<BlockRow> Rows, ulong Tip, ulong? Newer, ulong? Older);

/// <summary>One block in the list.</summary>
public sealed record BlockRow(ulong Height, ulong TimeMs, int Transactions, string Proposer);

/// <summary>One block explained: who proposed it, who signed it and what each transaction did.</summary>
public sealed record BlockModel(CommittedBlock Committed, string Proposer, BlockSigners Signers, IReadOnlyList<TransactionStory> Stories, ChainParameters Parameters, ulong Tip, IReadOnlyList<RecordedEvidence> Evidence);

/// <summary>A proof of a double sign that a block recorded: whose, and what the rule did about it (null when it did nothing: the validator had left the set).</summary>
public sealed record RecordedEvidence(DuplicateVoteEvidence Proof, string ValidatorName, SuspensionRecord? Suspension);

/// <summary>One transaction: where it stands and what it did.</summary>
public sealed record TransactionModel(Hash256 Hash, TransactionLookup Lookup, TransactionStory? Story, ChainParameters Parameters);
