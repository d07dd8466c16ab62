using Roundtable.Application;
using Roundtable.Core.Hashing;
using Roundtable.Node.Chain;
using Roundtable.Node.Dns;
using Roundtable.Node.Runtime;
using Roundtable.Portal.Reading;

namespace Roundtable.Node.Api;

/// <summary>The portal's read port over the node's chain state: the same committed views the API reads.</summary>
internal sealed class PortalChainReader(ChainState chain, DnsHost? dns) : IChainReader
{
    public Hash256 GenesisHash => chain.Genesis.Hash;

    public System.Net.IPEndPoint? DnsEndPoint => dns?.EndPoint;

    public Application.PersonalData.IDisclosedValues Disclosed => chain.Disclosed;

    public T Query<T>(Func<LedgerApplication, T> read) => chain.Query(read);

    public CommittedBlock? ReadBlock(ulong height) =>
        chain.ReadBlock(height) is { } stored ? new CommittedBlock(stored.Block, stored.Commit, stored.Results) : null;

    public TransactionLookup FindTransaction(Hash256 hash)
    {
        var found = chain.Lookup(hash);
        var standing = found.Status switch
        {
            TxStatus.Pending => TransactionStanding.Pending,
            TxStatus.Committed => TransactionStanding.Committed,
            TxStatus.Rejected => TransactionStanding.Rejected,
            _ => TransactionStanding.Unknown,
        };
        return new TransactionLookup(standing, found.Transaction, found.Height, found.Index, found.Result);
    }
}
