namespace Roundtable.Dns;

/// <summary>Zone input that cannot be served: a bad name, bad RDATA or a record that breaks a zone rule. The message says which record and why.</summary>
public sealed class DnsZoneException : Exception
{
    /// <summary>Creates the exception with the reason.</summary>
    public DnsZoneException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a reason.</summary>
    public DnsZoneException()
    {
    }

    /// <summary>Creates the exception with the reason and the underlying error.</summary>
    public DnsZoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
