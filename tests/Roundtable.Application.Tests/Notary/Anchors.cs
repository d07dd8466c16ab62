using System.Text;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

namespace Roundtable.Application.Tests.Notary;

/// <summary>Documents named by their content: anchor them on a test chain and read their records back.</summary>
internal static class Anchors
{
    public static Hash256 Digest(string content) => Hash256.Compute(Encoding.UTF8.GetBytes(content));

    public static AnchorDocument Anchor(string content, params LineageLink[] links) =>
        new(Digest(content), new AnchorMetadata("Document " + content, "text/plain", (ulong)content.Length, null, ["test"]), [.. links.OrderBy(l => l.Parent)]);

    public static void Anchored(TestChain chain, PrivateKey author, string content, params LineageLink[] links) =>
        chain.RunOk(chain.Tx(author, Anchor(content, links)));

    public static AnchorRecord Record(TestChain chain, string content) =>
        chain.App.GetAnchor(Digest(content)) ?? throw new InvalidOperationException($"'{content}' is not anchored.");
}
