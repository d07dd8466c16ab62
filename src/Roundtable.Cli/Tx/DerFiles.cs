using System.Security.Cryptography;
using System.Text;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Tx;

/// <summary>Certificates and CRLs from files as trust services hand them out: one DER object, or PEM with one or more blocks.</summary>
internal static class DerFiles
{
    public const string Certificate = "CERTIFICATE";
    public const string RevocationList = "X509 CRL";

    /// <summary>The DER objects in <paramref name="path"/>: the file itself when it is DER (starts with a SEQUENCE), else its PEM blocks labelled <paramref name="label"/>, in file order.</summary>
    public static IReadOnlyList<byte[]> Read(string path, string label, string option)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{option} '{path}' does not exist.", "invalid-argument");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > 0 && bytes[0] == 0x30)
        {
            return [bytes];
        }

        var found = new List<byte[]>();
        var text = Encoding.ASCII.GetString(bytes).AsSpan();
        while (PemEncoding.TryFind(text, out var fields))
        {
            if (text[fields.Label].SequenceEqual(label))
            {
                found.Add(Convert.FromBase64String(text[fields.Base64Data].ToString()));
            }

            text = text[fields.Location.End..];
        }

        return found.Count > 0 ? found : throw new CliException($"{option} '{path}' holds no {label} (PEM '-----BEGIN {label}-----' or DER).", "invalid-argument");
    }
}
