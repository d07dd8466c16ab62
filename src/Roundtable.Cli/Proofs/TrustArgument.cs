using System.CommandLine;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Node.Hosting;
using Roundtable.Node.Proofs;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Cli.Proofs;

/// <summary>
/// What a person trusts, as given to <c>--trust</c>: a genesis file (its genesis hash is computed
/// here, offline), a genesis hash, or a block id.
/// </summary>
/// <param name="Hash">The trusted hash.</param>
/// <param name="Genesis">The genesis anchor when a genesis file was given.</param>
/// <param name="Source">How the person gave it, for the report.</param>
internal sealed record TrustArgument(Hash256 Hash, GenesisAnchor? Genesis, string Source)
{
    public static Option<string> Create() => new("--trust")
    {
        Description = "What you trust: a genesis file (genesis.json), a genesis hash, or a block id (64 hex characters)",
        Required = true,
    };

    /// <exception cref="UsageException">Neither a readable genesis file nor 64 hex characters.</exception>
    public static TrustArgument Parse(string value)
    {
        if (File.Exists(value))
        {
            try
            {
                var anchor = GenesisAnchors.From(GenesisDocument.Load(value).ToState());
                return new TrustArgument(anchor.Hash, anchor, $"the genesis file {value}");
            }
            catch (InvalidDataException e)
            {
                throw new UsageException($"--trust {value}: {e.Message}");
            }
        }

        return Hash256.TryParse(value, out var hash)
            ? new TrustArgument(hash, null, $"the hash {hash} you passed")
            : throw new UsageException($"--trust '{value}' is neither a genesis file nor a hash of 64 hex characters.");
    }
}
