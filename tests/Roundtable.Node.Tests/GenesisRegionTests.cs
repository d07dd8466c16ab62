using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Node.Hosting;

namespace Roundtable.Node.Tests;

/// <summary>The optional "region" of a validator in genesis.json reaches the application's genesis, and only a declared region is accepted.</summary>
public sealed class GenesisRegionTests : IDisposable
{
    private readonly PrivateKey _withRegion = PrivateKey.Generate();
    private readonly PrivateKey _withoutRegion = PrivateKey.Generate();

    public void Dispose()
    {
        _withRegion.Dispose();
        _withoutRegion.Dispose();
    }

    [Fact]
    public void Only_validators_with_a_region_get_one()
    {
        var state = Document("africa").ToState();
        var region = Assert.Single(state.ValidatorRegions!);
        Assert.Equal((_withRegion.PublicKey, "africa"), (region.Validator, region.Region));
    }

    [Fact]
    public void An_undeclared_region_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => Document("atlantis").ToState());
        Assert.Contains("declared regions", e.Message, StringComparison.Ordinal);
    }

    private GenesisDocument Document(string region) => new()
    {
        ChainId = "region-test",
        GenesisTime = "2026-01-01T00:00:00Z",
        Parameters = new GenesisDocument.ParametersDocument(GenesisDocument.DefaultGroups, GenesisDocument.DefaultRegions, AdmissionRule.Open, 2, 60),
        Validators =
        [
            new GenesisDocument.ValidatorDocument("with region", _withRegion.PublicKey.ToString(), "technical", region),
            new GenesisDocument.ValidatorDocument("without region", _withoutRegion.PublicKey.ToString(), "government"),
        ],
    };
}
