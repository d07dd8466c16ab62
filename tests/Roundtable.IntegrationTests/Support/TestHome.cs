using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Node.Hosting;

namespace Roundtable.IntegrationTests.Support;

/// <summary>A temporary node home with a one-validator genesis and fast blocks; deleted on dispose.</summary>
public sealed class TestHome : IDisposable
{
    public TestHome(ulong blockIntervalMs = 20, ulong snapshotInterval = 10)
    {
        Root = Path.Combine(Path.GetTempPath(), "roundtable-it-" + Path.GetRandomFileName());
        Home = new NodeHome(Root);
        ApiUrl = $"http://127.0.0.1:{NodeProcess.FreePort()}";
        using var key = PrivateKey.Generate();
        Home.Initialize(
            new NodeConfig { ApiUrl = ApiUrl, BlockIntervalMs = blockIntervalMs, SnapshotInterval = snapshotInterval },
            new GenesisDocument
            {
                ChainId = ChainId,
                GenesisTime = "2026-01-01T00:00:00Z",
                Parameters = new GenesisDocument.ParametersDocument(GenesisDocument.DefaultGroups, GenesisDocument.DefaultRegions, AdmissionRule.Open, 1, 60),
                Validators = [new GenesisDocument.ValidatorDocument("crash-test", key.PublicKey.ToString(), "technical")],
            },
            key);
    }

    public const string ChainId = "crash-test";

    public string Root { get; }

    public NodeHome Home { get; }

    public string ApiUrl { get; }

    public NodeProcess StartNode() => NodeProcess.Start(Root, ApiUrl);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
