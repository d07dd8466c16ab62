namespace Roundtable.Dns;

/// <summary>What the rate limiter says about one UDP response.</summary>
internal enum RateDecision
{
    /// <summary>Within the prefix's rate: send it.</summary>
    Send,

    /// <summary>Over the rate, but this one slips through truncated (TC=1).</summary>
    Slip,

    /// <summary>Over the rate: drop it.</summary>
    Drop,
}
