using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Core.Crypto;

namespace Roundtable.Cli.Keys;

/// <summary>
/// A key backup in the portal's format (docs/portal.md, "Keys in the browser"): the PKCS#8 private
/// key encrypted with AES-256-GCM under a key derived from the passphrase by PBKDF2-SHA-256
/// (600,000 iterations), so a key kept by the command line can be restored into a browser.
/// </summary>
internal static class BrowserKeyBackup
{
    /// <summary>PBKDF2 iterations, as the portal makes them (OWASP's 2023 figure for SHA-256).</summary>
    public const int Iterations = 600_000;

    /// <summary>The shortest passphrase the portal accepts.</summary>
    public const int MinPassphraseLength = 8;

    private const int SaltSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The backup file's JSON text for <paramref name="key"/>.</summary>
    public static string Create(PrivateKey key, string passphrase)
    {
        if (passphrase.Length < MinPassphraseLength)
        {
            throw new ArgumentException($"The passphrase protects the backup: use at least {MinPassphraseLength} characters.", nameof(passphrase));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var secret = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var pkcs8 = key.ExportPkcs8();
        try
        {
            // WebCrypto's AES-GCM output is the ciphertext followed by the 16-byte tag.
            var sealedKey = new byte[pkcs8.Length + TagSize];
            using (var aes = new AesGcm(secret, TagSize))
            {
                aes.Encrypt(nonce, pkcs8, sealedKey.AsSpan(0, pkcs8.Length), sealedKey.AsSpan(pkcs8.Length));
            }

            return new JsonObject
            {
                ["format"] = "roundtable-key-backup",
                ["version"] = 1,
                ["publicKey"] = key.PublicKey.ToString(),
                ["kdf"] = new JsonObject { ["name"] = "PBKDF2-SHA-256", ["iterations"] = Iterations, ["salt"] = Convert.ToBase64String(salt) },
                ["cipher"] = new JsonObject { ["name"] = "AES-256-GCM", ["iv"] = Convert.ToBase64String(nonce) },
                ["ciphertext"] = Convert.ToBase64String(sealedKey),
            }.ToJsonString();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
