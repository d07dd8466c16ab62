using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Node.Hosting;

namespace Roundtable.Node.Devnet.Demo;

/// <summary>
/// The founding members the devnet wrote to <c>keys/</c> (two per stakeholder group), who play
/// every part in the demo, and the client they send through.
/// </summary>
public sealed class DemoCast : IDisposable
{
    private readonly SortedDictionary<string, PrivateKey> _founders;

    private DemoCast(SortedDictionary<string, PrivateKey> founders, LedgerClient client, Action<string> log)
    {
        _founders = founders;
        Client = client;
        Log = log;
    }

    /// <summary>The node everybody sends to.</summary>
    public LedgerClient Client { get; }

    /// <summary>Where the demo narrates what it does.</summary>
    public Action<string> Log { get; }

    /// <summary>Every founder's key, in name order (founder-&lt;group&gt;-&lt;n&gt;).</summary>
    public IEnumerable<PrivateKey> Everyone => _founders.Values;

    /// <summary>Reads <c>founder-*.pem</c> from <paramref name="keysDirectory"/>.</summary>
    public static DemoCast Load(string keysDirectory, LedgerClient client, Action<string> log)
    {
        var founders = new SortedDictionary<string, PrivateKey>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(keysDirectory, "founder-*.pem"))
        {
            founders.Add(Path.GetFileNameWithoutExtension(file), KeyFiles.Read(file));
        }

        return founders.Count >= 4 ? new DemoCast(founders, client, log) : throw new InvalidOperationException($"The demo needs the devnet's founder keys in {keysDirectory}.");
    }

    /// <summary>Founder <paramref name="n"/> (1 or 2) of <paramref name="group"/>.</summary>
    public PrivateKey Founder(string group, int n) =>
        _founders.TryGetValue($"founder-{group}-{n}", out var key) ? key : throw new InvalidOperationException($"No founder-{group}-{n} key.");

    /// <summary>A founder's member id (founders are members from genesis, keyed by their first key).</summary>
    public static Hash256 MemberId(PrivateKey founder) => founder.PublicKey.Id;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _founders.Values)
        {
            key.Dispose();
        }
    }
}
