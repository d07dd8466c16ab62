using System.CommandLine;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Tx;

/// <summary><c>roundtable tx</c>: sign and send transactions.</summary>
internal static class TxCommand
{
    public static Command Create(CliApp app)
    {
        var options = new TxOptions();
        var tx = new Command("tx", "Sign a transaction with a keyring key, send it to a node and wait for the commit");
        options.AddTo(tx);
        tx.Subcommands.Add(RegisterTx.Create(app, options));
        tx.Subcommands.Add(MemberTxs.Attest(app, options));
        tx.Subcommands.Add(MemberTxs.Rotate(app, options));
        tx.Subcommands.Add(MemberTxs.Guardians(app, options));
        tx.Subcommands.Add(MemberTxs.ApproveRecovery(app, options));
        tx.Subcommands.Add(MemberTxs.CancelRecovery(app, options));
        tx.Subcommands.Add(MemberTxs.Revoke(app, options));
        tx.Subcommands.Add(MemberTxs.WithdrawField(app, options));
        foreach (var command in GovernanceTxs.All(app, options).Concat(SessionTxs.All(app, options)).Concat(WorkingGroupTxs.All(app, options)).Concat(NotaryTxs.All(app, options)).Concat(NameTxs.All(app, options)).Concat(IdentityTxs.All(app, options)).Concat(AssessmentTxs.All(app, options)).Concat(DisputeTxs.All(app, options)).Concat(PracticeTxs.All(app, options)))
        {
            tx.Subcommands.Add(command);
        }

        return tx;
    }
}
