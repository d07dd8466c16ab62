using System.CommandLine;
using Roundtable.Cli.Api;
using Roundtable.Cli.Keys;

namespace Roundtable.Cli.Tx;

/// <summary>Options every transaction kind shares (declared once on 'tx', recursive).</summary>
internal sealed class TxOptions
{
    public Option<string?> Key { get; } = new("--key") { Description = "Name of the keyring key that signs the transaction", Recursive = true };

    public Option<string?> Node { get; } = NodeOption.Create();

    public Option<string?> Keyring { get; } = KeyringOption.Create();

    public Option<bool> Wait { get; } = new("--wait") { Description = "Wait until the transaction is committed", DefaultValueFactory = _ => true, Recursive = true };

    public Option<bool> NoWait { get; } = new("--no-wait") { Description = "Return once the node accepted the transaction", Recursive = true };

    public Option<uint> TimeoutSeconds { get; } = new("--timeout-seconds") { Description = "How long to wait for the commit", DefaultValueFactory = _ => 30, Recursive = true };

    public Option<ulong> ExpiresIn { get; } = new("--expires-in") { Description = "Blocks after the current height during which the transaction may be included", DefaultValueFactory = _ => 100, Recursive = true };

    public void AddTo(Command command)
    {
        command.Options.Add(Key);
        command.Options.Add(Node);
        command.Options.Add(Keyring);
        command.Options.Add(Wait);
        command.Options.Add(NoWait);
        command.Options.Add(TimeoutSeconds);
        command.Options.Add(ExpiresIn);
    }
}
