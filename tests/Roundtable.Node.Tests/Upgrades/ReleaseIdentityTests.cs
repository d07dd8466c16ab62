using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Hashing;
using Roundtable.Node.Upgrades;

namespace Roundtable.Node.Tests.Upgrades;

public sealed class ReleaseIdentityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roundtable-release-").FullName;

    [Fact]
    public void The_release_hash_covers_the_projects_assemblies_and_nothing_else()
    {
        File.WriteAllText(Path.Combine(_dir, "roundtable.dll"), "cli");
        File.WriteAllText(Path.Combine(_dir, "Roundtable.Node.dll"), "node");
        var first = ReleaseIdentity.Of(_dir, null).Hash;

        File.WriteAllText(Path.Combine(_dir, "Spectre.Console.dll"), "a third-party library");
        File.WriteAllText(Path.Combine(_dir, "roundtable.pdb"), "symbols");
        Assert.Equal(first, ReleaseIdentity.Of(_dir, null).Hash);

        File.WriteAllText(Path.Combine(_dir, "Roundtable.Node.dll"), "node, rebuilt");
        Assert.NotEqual(first, ReleaseIdentity.Of(_dir, null).Hash);
    }

    [Fact]
    public void The_release_hash_is_the_documented_manifest_digest_wherever_the_build_is_installed()
    {
        File.WriteAllText(Path.Combine(_dir, "roundtable.dll"), "cli");
        File.WriteAllText(Path.Combine(_dir, "Roundtable.Core.dll"), "core");
        var manifest = "Roundtable.Core.dll " + Hash256.Compute("core"u8) + "\nroundtable.dll " + Hash256.Compute("cli"u8) + "\n";

        Assert.Equal(Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(manifest)), ReleaseIdentity.Of(_dir, null).Hash);
        Assert.Equal("dev", ReleaseIdentity.Of(_dir, null).Version);
    }

    [Fact]
    public void Only_a_node_of_another_build_halts_and_only_from_the_halt_height_on()
    {
        var approved = new ReleaseIdentity("1.1.0", Hash256.Compute("1.1.0"u8));
        var other = new ReleaseIdentity("1.0.0", Hash256.Compute("1.0.0"u8));
        var plan = new UpgradePlan("1.1.0", approved.Hash, 100, Hash256.Compute("proposal"u8));

        Assert.Null(UpgradeHalt.Check(plan, 99, other));
        Assert.NotNull(UpgradeHalt.Check(plan, 100, other));
        Assert.NotNull(UpgradeHalt.Check(plan, 150, other));
        Assert.Null(UpgradeHalt.Check(plan, 100, approved));
        Assert.Null(UpgradeHalt.Check(null, 100, other));
        Assert.Contains(approved.Hash.ToString(), UpgradeHalt.Check(plan, 100, other)!.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
