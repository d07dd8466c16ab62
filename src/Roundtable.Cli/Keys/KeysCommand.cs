using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Crypto;
using Roundtable.Node.Hosting;

namespace Roundtable.Cli.Keys;

/// <summary><c>roundtable keys</c>: the local keyring of signing keys.</summary>
internal static class KeysCommand
{
    public static Command Create(CliApp app)
    {
        var keyring = KeyringOption.Create();
        var keys = new Command("keys", "Manage the signing keys in your local keyring") { keyring };
        keys.Subcommands.Add(New(app, keyring));
        keys.Subcommands.Add(List(app, keyring));
        keys.Subcommands.Add(Show(app, keyring));
        keys.Subcommands.Add(Export(app, keyring));
        keys.Subcommands.Add(Backup(app, keyring));
        keys.Subcommands.Add(Import(app, keyring));
        keys.Subcommands.Add(Delete(app, keyring));
        return keys;
    }

    private static Argument<string> NameArgument(string description) => new("NAME") { Description = description };

    private static Command New(CliApp app, Option<string?> keyringOption)
    {
        var name = NameArgument("Name for the new key (a-z, 0-9, '_', '-')");
        var command = new Command("new", "Generate a new P-256 key and store it in the keyring") { name };
        app.SetAction(command, (context, parse) =>
        {
            var keyring = KeyringOption.Open(context, parse, keyringOption);
            var keyName = parse.GetValue(name)!;
            using var key = PrivateKey.Generate();
            var path = keyring.Add(keyName, key);
            Describe(context, keyName, path, key.PublicKey, "Created key");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command List(CliApp app, Option<string?> keyringOption)
    {
        var command = new Command("list", "List the keys in the keyring");
        app.SetAction(command, (context, parse) =>
        {
            var keyring = KeyringOption.Open(context, parse, keyringOption);
            var entries = keyring.List();
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["keyring"] = keyring.Directory,
                    ["keys"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
                    {
                        ["name"] = e.Name,
                        ["publicKey"] = e.PublicKey?.ToString(),
                        ["memberId"] = e.PublicKey?.Id.ToString(),
                        ["file"] = e.Path,
                        ["problem"] = e.Problem,
                    })]),
                });
                return CliApp.Ok;
            }

            if (entries.Count == 0)
            {
                context.Line($"No keys in {keyring.Directory}. Create one with: roundtable keys new NAME");
                return CliApp.Ok;
            }

            var table = Views.Table("name", "member id", "public key");
            foreach (var e in entries)
            {
                table.Row(e.Name, e.PublicKey is null ? "(unreadable: " + e.Problem + ")" : Views.Short(e.PublicKey.Id.ToString()), Views.Short(e.PublicKey?.ToString()));
            }

            context.Write(table);
            context.Line($"{entries.Count} key(s) in {keyring.Directory}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Show(CliApp app, Option<string?> keyringOption)
    {
        var name = NameArgument("The key to show");
        var command = new Command("show", "Show a key's public key and member id") { name };
        app.SetAction(command, (context, parse) =>
        {
            var keyring = KeyringOption.Open(context, parse, keyringOption);
            var keyName = parse.GetValue(name)!;
            using var key = keyring.Load(keyName);
            Describe(context, keyName, keyring.PathOf(keyName), key.PublicKey, null);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliApp app, Option<string?> keyringOption)
    {
        var name = NameArgument("The key to export");
        var command = new Command("export", "Print a private key as PKCS#8 PEM (keep it secret)") { name };
        app.SetAction(command, (context, parse) =>
        {
            var keyring = KeyringOption.Open(context, parse, keyringOption);
            var keyName = parse.GetValue(name)!;
            using var key = keyring.Load(keyName);
            var pem = key.ExportPem();
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["name"] = keyName, ["publicKey"] = key.PublicKey.ToString(), ["pem"] = pem });
            }
            else
            {
                // Raw on stdout so that 'keys export a > a.pem' gives a usable file.
                context.Host.Stdout.WriteLine(pem);
                context.Note($"This is the private key '{keyName}': anyone holding it can sign as you.");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Backup(CliApp app, Option<string?> keyringOption)
    {
        var name = NameArgument("The key to back up");
        var output = new Option<FileInfo>("--out") { Description = "Where to write the backup file", Required = true };
        var passphraseFile = new Option<FileInfo>("--passphrase-file") { Description = "A file whose first line is the passphrase (at least 8 characters)", Required = true };
        var command = new Command("backup", "Write an encrypted backup of a key that the portal's join page restores into a browser") { name, output, passphraseFile };
        app.SetAction(command, (context, parse) =>
        {
            var keyring = KeyringOption.Open(context, parse, keyringOption);
            var keyName = parse.GetValue(name)!;
            var passphraseSource = parse.GetValue(passphraseFile)!;
            if (!passphraseSource.Exists)
            {
                throw new UsageException($"the passphrase file {passphraseSource.FullName} does not exist.");
            }

            var passphrase = File.ReadLines(passphraseSource.FullName).FirstOrDefault() ?? "";
            using var key = keyring.Load(keyName);
            string backup;
            try
            {
                backup = BrowserKeyBackup.Create(key, passphrase);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            var target = parse.GetValue(output)!;
            File.WriteAllText(target.FullName, backup);
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["name"] = keyName, ["publicKey"] = key.PublicKey.ToString(), ["file"] = target.FullName });
            }
            else
            {
                context.Host.Stdout.WriteLine($"Wrote the encrypted backup of '{keyName}' to {target.FullName}. Restore it on the portal's Join page with its passphrase.");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Import(CliApp app, Option<string?> keyringOption)
    {
        var name = NameArgument("Name to store the key under");
        var file = new Argument<FileInfo>("FILE") { Description = "A PKCS#8 PEM file holding a P-256 private key" };
        var command = new Command("import", "Add an existing private key (PKCS#8 PEM) to the keyring") { name, file };
        app.SetAction(command, (context, parse) =>
        {
            var keyring = KeyringOption.Open(context, parse, keyringOption);
            var keyName = parse.GetValue(name)!;
            var source = parse.GetValue(file)!;
            keyring.PathOf(keyName);
            if (!source.Exists)
            {
                throw new CliException($"{source.FullName} does not exist.", "not-found");
            }

            PrivateKey key;
            try
            {
                key = KeyFiles.Read(source.FullName);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(e.Message, "bad-key-file", e);
            }

            using (key)
            {
                var path = keyring.Add(keyName, key);
                Describe(context, keyName, path, key.PublicKey, "Imported key");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Delete(CliApp app, Option<string?> keyringOption)
    {
        var name = NameArgument("The key to delete");
        var command = new Command("delete", "Delete a key from the keyring (irreversible: export it first if you may need it)") { name };
        app.SetAction(command, (context, parse) =>
        {
            var keyring = KeyringOption.Open(context, parse, keyringOption);
            var keyName = parse.GetValue(name)!;
            var path = keyring.Delete(keyName);
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["name"] = keyName, ["deleted"] = true, ["file"] = path });
            }
            else
            {
                context.Line($"Deleted key '{keyName}' ({path}).");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static void Describe(CommandContext context, string name, string path, PublicKey key, string? verb)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["name"] = name,
                ["publicKey"] = key.ToString(),
                ["memberId"] = key.Id.ToString(),
                ["file"] = path,
            });
            return;
        }

        if (verb is not null)
        {
            context.Line($"{verb} '{name}'.");
        }

        context.Write(Views.Properties(
            ("name", name),
            ("public key", key.ToString()),
            ("member id", key.Id.ToString()),
            ("file", path)));
    }
}
