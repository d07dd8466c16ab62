using Roundtable.Ledger.Notary;

namespace Roundtable.Application.Notary;

/// <summary>An anchor a member signed, and how: as its author or as a co-signer.</summary>
/// <param name="Role">Author or co-signer.</param>
/// <param name="Anchor">The anchor.</param>
public sealed record SignedAnchor(AnchorRole Role, AnchorRecord Anchor);
