using System.CommandLine;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Power;

/// <summary><c>roundtable power</c>: who holds the voting power and how few could halt or capture the chain.</summary>
internal static class PowerCommand
{
    public static Command Create(CliApp app)
    {
        var node = NodeOption.Create(recursive: false);
        var command = new Command("power", "Show the power checks: voting power per validator, stakeholder group and region, Nakamoto coefficients, verified members, proposal and vote shares, turnout, and validators suspended for signing twice") { node };
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var power = await context.WithStatusAsync($"Asking {api.NodeUrl}…", () => api.PowerAsync(ct)).ConfigureAwait(false);
            var accountability = await api.AccountabilityAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                power["accountability"] = accountability["validators"]?.DeepClone();
                context.WriteJson(power);
            }
            else
            {
                PowerViews.Report(context, power);
                PowerViews.Accountability(context, accountability);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
