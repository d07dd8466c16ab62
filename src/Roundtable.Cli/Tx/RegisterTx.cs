using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.PersonalData;

namespace Roundtable.Cli.Tx;

/// <summary><c>tx register</c>: registers the signing key as a new member.</summary>
internal static class RegisterTx
{
    public static Command Create(CliApp app, TxOptions options)
    {
        var name = new Option<string>("--name") { Description = "Your display name, as others will see it", Required = true };
        var group = new Option<string>("--group") { Description = "Your stakeholder group (for example civil-society, government, technical)", Required = true };
        var region = new Option<string>("--region") { Description = "Your region (for example africa, asia-pacific, western-europe-others)", Required = true };
        var profile = new Option<string[]>("--profile")
        {
            Description = "A profile detail you choose to publish, as field=value (repeatable); the chain keeps only a salted commitment, the nodes keep the value until you withdraw it",
            HelpName = "field=value",
        };
        var command = new Command("register", "Register the signing key as a new member") { name, group, region, profile };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var displayName = parse.GetValue(name)!.Trim();
            var bytes = Encoding.UTF8.GetByteCount(displayName);
            if (bytes is 0 or > RegisterMember.MaxDisplayNameBytes)
            {
                throw new CliException($"--name must be 1 to {RegisterMember.MaxDisplayNameBytes} bytes of UTF-8.", "invalid-argument");
            }

            var disclosures = ParseProfile(parse.GetValue(profile) ?? []);
            var message = new RegisterMember(
                displayName,
                TxArguments.Identifier(parse.GetValue(group), "--group"),
                TxArguments.Identifier(parse.GetValue(region), "--region"),
                [.. disclosures.Select(d => new ProfileField(d.Field, d.Commitment))]);
            var memberId = build.Signer.PublicKey.Id.ToString();
            return new TxPlan(message, $"Registered '{displayName}' as member {memberId}.", new JsonObject { ["memberId"] = memberId }) { Disclosures = disclosures };
        });
        return command;
    }

    private static Disclosure[] ParseProfile(string[] entries)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--profile '{entry}' must be field=value, for example gender=female.", "invalid-argument");
            }

            var field = TxArguments.Identifier(entry[..eq].Trim(), "--profile field");
            var value = entry[(eq + 1)..].Trim();
            if (Encoding.UTF8.GetByteCount(value) > Disclosure.MaxValueBytes)
            {
                throw new CliException($"--profile {field}: the value is longer than {Disclosure.MaxValueBytes} bytes.", "invalid-argument");
            }

            if (!fields.TryAdd(field, value))
            {
                throw new CliException($"--profile {field} is given twice.", "invalid-argument");
            }
        }

        if (fields.Count > ProfileField.MaxFields)
        {
            throw new CliException($"at most {ProfileField.MaxFields} --profile fields.", "invalid-argument");
        }

        return [.. fields.Select(f => FreshDisclosure.Of(f.Key, f.Value))];
    }
}
