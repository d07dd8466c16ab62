namespace Roundtable.Application.Identities;

/// <summary>A certificate, chain or revocation list that does not pass; the message says why in plain words.</summary>
public sealed class CertificateException : Exception
{
    /// <summary>Creates the refusal with its reason.</summary>
    public CertificateException(string message)
        : base(message)
    {
    }

    /// <summary>Prefer the reason-only constructor.</summary>
    public CertificateException()
        : this("The certificate is refused.")
    {
    }

    /// <summary>Prefer the reason-only constructor.</summary>
    public CertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
