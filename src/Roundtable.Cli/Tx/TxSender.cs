using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Keys;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Json;
using Roundtable.Node.PersonalData;

namespace Roundtable.Cli.Tx;

/// <summary>
/// The path every transaction takes: load the signing key, ask the node for chain id, height and
/// the key's next sequence, build and sign, submit canonical bytes, and (by default) wait for the
/// commit and report its result.
/// </summary>
internal static class TxSender
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>Sets <paramref name="command"/>'s action to build a message with <paramref name="build"/> and send it.</summary>
    public static void Bind(CliApp app, Command command, TxOptions options, Func<TxBuildContext, ParseResult, TxPlan> build) =>
        app.SetAction(command, (context, parse, ct) => SendAsync(context, parse, options, build, ct));

    private static async Task<int> SendAsync(CommandContext context, ParseResult parse, TxOptions options, Func<TxBuildContext, ParseResult, TxPlan> build, CancellationToken ct)
    {
        var keyName = parse.GetValue(options.Key)
            ?? throw new CliException("--key NAME is required: the keyring key that signs (see 'roundtable keys list').", "usage");
        var keyring = KeyringOption.Open(context, parse, options.Keyring);
        using var signer = keyring.Load(keyName);
        using var api = NodeOption.Connect(context, parse, options.Node);

        var status = await api.StatusAsync(ct).ConfigureAwait(false);
        var chainId = status.String("chainId");
        var height = status.UInt64("height");
        var account = await api.AccountAsync(signer.PublicKey.ToString(), ct).ConfigureAwait(false);
        var sequence = account.UInt64("nextSequence");

        var plan = build(new TxBuildContext(chainId, signer, keyName, account, keyring), parse);
        var expiry = checked(height + parse.GetValue(options.ExpiresIn));
        var tx = Transaction.Create(chainId, signer, sequence, expiry, plan.Message);
        var hash = tx.Hash.ToString();

        await context.WithStatusAsync("Submitting…", () => api.SubmitAsync(tx.Encoded.ToArray(), ct)).ConfigureAwait(false);
        var summary = new JsonObject
        {
            ["hash"] = hash,
            ["type"] = MessageJson.TypeName(plan.Message.Type),
            ["sender"] = signer.PublicKey.ToString(),
            ["memberId"] = account.OptionalString("memberId") ?? signer.PublicKey.Id.ToString(),
            ["sequence"] = sequence,
            ["expiryHeight"] = expiry,
        };

        var wait = parse.GetValue(options.Wait) && !parse.GetValue(options.NoWait);
        if (!wait && plan.Disclosures.Count > 0)
        {
            throw new CliException("personal values are sent once their transaction is committed; leave out --no-wait.", "usage");
        }

        if (!wait)
        {
            summary["status"] = "pending";
            Report(context, summary, plan, committed: false);
            return CliApp.Ok;
        }

        var timeout = TimeSpan.FromSeconds(parse.GetValue(options.TimeoutSeconds));
        var final = await context.WithStatusAsync($"Waiting for transaction {Views.Short(hash)} to be committed…", () => WaitAsync(api, hash, timeout, ct)).ConfigureAwait(false);
        summary["status"] = final.String("status");
        summary["height"] = final["height"]?.DeepClone();
        summary["index"] = final["index"]?.DeepClone();
        summary["result"] = final["result"]?.DeepClone();
        var result = final["result"];

        if (final.String("status") == "rejected")
        {
            throw new TxFailedException($"transaction {hash} was dropped by the node: {result.Display("reason")} ({result.Display("code")})", result.OptionalString("code"), summary);
        }

        if (result is null || !result.Bool("ok"))
        {
            throw new TxFailedException(
                $"transaction {hash} was committed at height {final.Display("height")} but failed: {result.Display("reason")} ({result.Display("code")})",
                result.OptionalString("code"),
                summary);
        }

        if (plan.Disclosures.Count > 0)
        {
            await context.WithStatusAsync("Sending the personal values beside the transaction…", () => api.DiscloseAsync(DisclosureJson.Write(plan.Disclosures), ct)).ConfigureAwait(false);
            summary["personalFields"] = new JsonArray([.. plan.Disclosures.Select(d => (JsonNode)new JsonObject { ["field"] = d.Field, ["commitment"] = d.Commitment.ToString() })]);
        }

        Report(context, summary, plan, committed: true);
        return CliApp.Ok;
    }

    private static async Task<JsonObject> WaitAsync(ApiClient api, string hash, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var answer = await api.TransactionAsync(hash, ct).ConfigureAwait(false);
                if (answer.String("status") is "committed" or "rejected")
                {
                    return answer;
                }
            }
            catch (ApiException e) when (e.Status == 404)
            {
                // Not indexed yet (or the node restarted): keep asking until the deadline.
            }

            if (clock.Elapsed >= timeout)
            {
                throw new CliException(
                    $"transaction {hash} was accepted but not committed within {timeout.TotalSeconds:0} s; check later with 'roundtable query tx {hash}'.",
                    "timeout");
            }

            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    private static void Report(CommandContext context, JsonObject summary, TxPlan plan, bool committed)
    {
        if (context.Json)
        {
            if (plan.Extra is not null)
            {
                foreach (var (key, value) in plan.Extra)
                {
                    summary[key] = value?.DeepClone();
                }
            }

            context.WriteJson(summary);
            return;
        }

        if (!committed)
        {
            context.Line($"Submitted {summary.Display("type")} transaction {summary.Display("hash")} (pending).");
            context.Line($"Follow it with: roundtable query tx {summary.Display("hash")}");
            return;
        }

        var result = summary["result"];
        context.Line($"Committed {summary.Display("type")} at height {summary.Display("height")}: {result.Display("code")}.");
        context.Write(Views.Properties(
            ("transaction", summary.Display("hash")),
            ("height", summary.Display("height")),
            ("result", result.Display("code")),
            ("signed by member", summary.Display("memberId")),
            ("sequence", summary.Display("sequence"))));
        if (plan.SuccessNote is not null)
        {
            context.Line(plan.SuccessNote);
        }

        foreach (var d in plan.Disclosures)
        {
            context.Line($"Personal field '{d.Field}': commitment {d.Commitment}; withdraw it with 'roundtable tx withdraw-field --commitment {d.Commitment}'.");
        }
    }
}

/// <summary>A transaction the node dropped, or committed with a failed result.</summary>
internal sealed class TxFailedException(string message, string? reason, JsonObject transaction) : CliException(message, reason)
{
    /// <inheritdoc />
    public override JsonObject Details => new() { ["transaction"] = transaction.DeepClone() };
}
