namespace Roundtable.Ledger.Notary;

/// <summary>Where an anchor is in its life. Revoked and superseded anchors stay on chain.</summary>
public enum AnchorStatus : byte
{
    /// <summary>Standing: it may be co-signed, revoked or superseded.</summary>
    Active = 1,

    /// <summary>Withdrawn, with a reason, by its author or by an executed proposal.</summary>
    Revoked = 2,

    /// <summary>Replaced by another anchor, with a reason, by its author or by an executed proposal.</summary>
    Superseded = 3,
}

/// <summary>Names of <see cref="AnchorStatus"/> values for people and JSON.</summary>
public static class AnchorStatuses
{
    /// <summary>"active", "revoked" or "superseded".</summary>
    public static string Name(AnchorStatus status) => status switch
    {
        AnchorStatus.Active => "active",
        AnchorStatus.Revoked => "revoked",
        _ => "superseded",
    };
}
