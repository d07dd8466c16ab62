using System.Globalization;
using Roundtable.Bench;

// Usage: Roundtable.Bench [--header] [--quick] [--keys N] [--blocks N] [--transactions N] [--dir PATH] figure...
// Figures: verify, blockstore, stateroot, restart, proofs, portal, all; execute (the application's work per transaction without its signature); statesync (not in all: it builds a 1,000,000-transaction chain). Results go to stdout as markdown table rows;
// progress goes to stderr. See docs/benchmarks.md and bench/run.sh.
var figures = new List<string>();
var quick = false;
var header = false;
var keys = 1_000_000;
var blocks = 100_000;
var transactions = 1_000_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "restore-once" when i + 1 < args.Length:
            return RestartBench.RestoreOnce(args[i + 1]);
        case StateSyncBench.ServeCommand when i + 1 < args.Length:
            return StateSyncBench.ServeNode(args[i + 1]);
        case StateSyncBench.JoinCommand when i + 1 < args.Length:
            return StateSyncBench.JoinOnce(args[i + 1]);
        case "--quick":
            quick = true;
            break;
        case "--header":
            header = true;
            break;
        case "--keys" when i + 1 < args.Length:
            keys = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--blocks" when i + 1 < args.Length:
            blocks = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--transactions" when i + 1 < args.Length:
            transactions = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--dir" when i + 1 < args.Length:
            Scratch.Root = args[++i];
            break;
        case "all":
            figures.AddRange(["verify", "blockstore", "stateroot", "restart", "proofs", "portal"]);
            break;
        case "verify" or "blockstore" or "stateroot" or "restart" or "proofs" or "portal" or "statesync" or "execute":
            figures.Add(args[i]);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            Console.Error.WriteLine("Usage: Roundtable.Bench [--header] [--quick] [--keys N] [--blocks N] [--transactions N] [--dir PATH] verify|blockstore|stateroot|restart|proofs|portal|statesync|execute|all ...");
            return 2;
    }
}

if (figures.Count == 0)
{
    figures.AddRange(["verify", "blockstore", "stateroot", "restart"]);
}

if (header)
{
    Console.WriteLine(Report.Header);
}

foreach (var figure in figures)
{
    switch (figure)
    {
        case "verify":
            VerifyBench.Run(quick);
            break;
        case "blockstore":
            BlockStoreBench.Run(quick);
            break;
        case "stateroot":
            StateRootBench.Run(quick, keys);
            break;
        case "restart":
            RestartBench.Run(quick, blocks);
            break;
        case "proofs":
            ProofBench.Run(quick);
            break;
        case "portal":
            PortalBench.Run(quick);
            break;
        case "statesync":
            StateSyncBench.Run(quick, transactions);
            break;
        case "execute":
            ExecuteBench.Run(quick);
            break;
    }
}

return 0;
