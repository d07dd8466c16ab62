using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;

namespace Roundtable.Cli.Tx;

/// <summary>Parsing of transaction arguments with messages that name the option.</summary>
internal static class TxArguments
{
    public static Hash256 MemberId(string? text, string option) =>
        Hash256.TryParse(text?.Trim(), out var id)
            ? id
            : throw new CliException($"{option} '{text}' is not a member id (64 hex characters; see 'roundtable query members').", "invalid-argument");

    public static PublicKey PublicKey(string text, string option) =>
        Core.Crypto.PublicKey.TryParse(text.Trim().ToLowerInvariant(), out var key) && key is not null && SignatureVerifier.IsValidKey(key)
            ? key
            : throw new CliException($"{option} '{text}' is not a public key (130 hex characters starting with 01).", "invalid-argument");

    public static string Identifier(string? text, string option) =>
        Ledger.Identifier.IsValid(text)
            ? text!
            : throw new CliException($"{option} '{text}' is not an identifier (a-z, 0-9, '-', starting with a letter, at most {Ledger.Identifier.MaxLength}).", "invalid-argument");
}
