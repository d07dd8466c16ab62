using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;

namespace Roundtable.Cli.Tx;

/// <summary>The membership transactions after registration: attest, rotate, guardians, recovery, revoke.</summary>
internal static class MemberTxs
{
    public static Command Attest(CliApp app, TxOptions options)
    {
        var member = new Option<string>("--member") { Description = "Id of the member whose affiliation you vouch for", Required = true };
        var command = new Command("attest", "Vouch that a member speaks for the stakeholder group they declared") { member };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var id = TxArguments.MemberId(parse.GetValue(member), "--member");
            return new TxPlan(new AttestAffiliation(id), $"Attested member {id}.");
        });
        return command;
    }

    public static Command Rotate(CliApp app, TxOptions options)
    {
        var newKey = new Option<string>("--new-key") { Description = "Keyring name of the key that will sign for you from now on", Required = true };
        var command = new Command("rotate", "Move your membership onto another key from your keyring") { newKey };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var memberId = RequireMember(build);
            var newName = parse.GetValue(newKey)!;
            using var next = build.Keyring.Load(newName);
            if (next.PublicKey.Equals(build.Signer.PublicKey))
            {
                throw new CliException($"--new-key '{newName}' is the key that signs now; create another with 'roundtable keys new NAME'.", "invalid-argument");
            }

            var possession = next.Sign(RotateKey.PossessionPayload(build.ChainId, memberId));
            return new TxPlan(
                new RotateKey(next.PublicKey, possession),
                $"The keyring entry '{newName}' now signs for member {memberId}; '{build.SignerName}' no longer can.",
                new JsonObject { ["newKey"] = next.PublicKey.ToString(), ["newKeyName"] = newName });
        });
        return command;
    }

    public static Command Guardians(CliApp app, TxOptions options)
    {
        var guardian = new Option<string[]>("--guardian") { Description = "Member id of a guardian (repeat for each; none removes all guardians)", HelpName = "member-id" };
        var threshold = new Option<uint>("--threshold") { Description = "How many guardians must approve a recovery", Required = true };
        var command = new Command("guardians", "Name the members who can together recover your membership onto a new key") { guardian, threshold };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var ids = (parse.GetValue(guardian) ?? []).Select(g => TxArguments.MemberId(g, "--guardian")).ToList();
            if (ids.Distinct().Count() != ids.Count)
            {
                throw new CliException("a guardian is named twice.", "invalid-argument");
            }

            if (ids.Count > SetGuardians.MaxGuardians)
            {
                throw new CliException($"at most {SetGuardians.MaxGuardians} guardians.", "invalid-argument");
            }

            var k = parse.GetValue(threshold);
            var note = ids.Count == 0 ? "Removed all guardians." : $"{k} of {ids.Count} guardian(s) can now recover your membership.";
            return new TxPlan(new SetGuardians([.. ids.Order()], k), note);
        });
        return command;
    }

    public static Command ApproveRecovery(CliApp app, TxOptions options)
    {
        var member = new Option<string>("--member") { Description = "Id of the member who lost their key", Required = true };
        var newKey = new Option<string?>("--new-key") { Description = "Keyring name of the member's new key" };
        var newPublicKey = new Option<string?>("--new-public-key") { Description = "The member's new public key (130 hex characters)" };
        var command = new Command("approve-recovery", "As a guardian, approve moving a member onto a new key") { member, newKey, newPublicKey };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var id = TxArguments.MemberId(parse.GetValue(member), "--member");
            var name = parse.GetValue(newKey);
            var hex = parse.GetValue(newPublicKey);
            if ((name is null) == (hex is null))
            {
                throw new CliException("give exactly one of --new-key NAME or --new-public-key HEX.", "usage");
            }

            PublicKey key;
            if (name is not null)
            {
                using var loaded = build.Keyring.Load(name);
                key = loaded.PublicKey;
            }
            else
            {
                key = TxArguments.PublicKey(hex!, "--new-public-key");
            }

            return new TxPlan(new Ledger.Messages.ApproveRecovery(id, key), $"Approved recovery of member {id} onto key {Views.Short(key.ToString())}.");
        });
        return command;
    }

    public static Command CancelRecovery(CliApp app, TxOptions options)
    {
        var command = new Command("cancel-recovery", "With your current key, cancel a pending recovery of your membership");
        TxSender.Bind(app, command, options, (build, _) =>
        {
            RequireMember(build);
            return new TxPlan(new Ledger.Messages.CancelRecovery(), "Cancelled the pending recovery of your membership.");
        });
        return command;
    }

    public static Command Revoke(CliApp app, TxOptions options)
    {
        var command = new Command("revoke", "Declare the signing key compromised: it will sign nothing more (guardians can recover the membership)");
        TxSender.Bind(app, command, options, (build, _) =>
        {
            var id = RequireMember(build);
            return new TxPlan(new RevokeKey(), $"Key '{build.SignerName}' is revoked; member {id} can be moved to a new key by its guardians.");
        });
        return command;
    }

    public static Command WithdrawField(CliApp app, TxOptions options)
    {
        var commitment = new Option<string>("--commitment") { Description = "The personal field's commitment (shown when it was sent, and by 'roundtable query member')", Required = true };
        var command = new Command("withdraw-field", "Withdraw one of your personal fields (a profile field or a declared gender): every node erases its value") { commitment };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            RequireMember(build);
            var text = parse.GetValue(commitment);
            var c = Core.Hashing.Hash256.TryParse(text?.Trim(), out var parsed)
                ? parsed
                : throw new CliException($"--commitment '{text}' is not a commitment (64 hex characters).", "invalid-argument");
            return new TxPlan(new Ledger.Messages.PersonalData.WithdrawPersonalField(c), $"Personal field {c} is withdrawn: every node erases its value and shows it as withdrawn by its owner.");
        });
        return command;
    }

    /// <summary>The signer's member id; refuses a key that is not registered.</summary>
    internal static Core.Hashing.Hash256 RequireMember(TxBuildContext build) =>
        build.Account.OptionalString("memberId") is { } id
            ? TxArguments.MemberId(id, "memberId")
            : throw new CliException($"key '{build.SignerName}' is not registered as a member; register it first with 'roundtable tx register --key {build.SignerName} ...'.", "unknown-sender");
}
