using Roundtable.Dns;
using Roundtable.Node.Hosting;

namespace Roundtable.Node.Dns;

/// <summary>This operator's TSIG secrets from node.json, as the DNS library takes them.</summary>
public static class ZoneTransfers
{
    /// <summary>A key name as zone policies and node.json may write it, made absolute and lower-case for comparison.</summary>
    public static string KeyName(string name) => (name.EndsWith('.') ? name : name + ".").ToLowerInvariant();

    /// <summary>The keys of <paramref name="secrets"/> by absolute name.</summary>
    /// <exception cref="InvalidDataException">A secret is not base64 of at least 16 bytes, or a name is given twice.</exception>
    public static IReadOnlyDictionary<string, TsigKey> Keys(IReadOnlyList<TsigSecret> secrets)
    {
        var keys = new Dictionary<string, TsigKey>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(secret.Secret);
            }
            catch (FormatException)
            {
                throw new InvalidDataException($"tsigKeys: the secret of '{secret.Name}' is not base64.");
            }

            if (bytes.Length < TsigKey.MinSecretLength)
            {
                throw new InvalidDataException($"tsigKeys: the secret of '{secret.Name}' has {bytes.Length} bytes; HMAC-SHA256 keys need at least {TsigKey.MinSecretLength}.");
            }

            if (!keys.TryAdd(KeyName(secret.Name), new TsigKey(KeyName(secret.Name), bytes)))
            {
                throw new InvalidDataException($"tsigKeys: '{secret.Name}' is given twice.");
            }
        }

        return keys;
    }
}
