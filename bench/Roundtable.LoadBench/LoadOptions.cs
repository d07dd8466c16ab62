using System.Globalization;

namespace Roundtable.LoadBench;

/// <summary>Command-line options of the load benchmark.</summary>
internal sealed class LoadOptions
{
    public const string Usage =
        """
        Usage: Roundtable.LoadBench [options]
          --seconds N            measured window of sustained load (default 60)
          --warmup N             load before the window, not measured (default 90: the nodes' JIT tiering
                                 needs about a minute of load to settle on 2 shared cores)
          --workload W           fresh: registrations, each from a new key (default); warm: guardian changes
                                 by --senders registered members, whose keys the nodes have cached
          --senders N            members sending the warm workload (default 1000; a multiple of --validators)
          --rate N               offered load in transactions per second, spread over the nodes (default 300)
          --concurrency N        HTTP requests in flight at most, over all nodes (default 32)
          --batch N              transactions per request: 1 posts each to /api/v1/txs (default); more posts
                                 batches of N to /api/v1/txs/batch, as a gateway or registrar would
          --block-interval-ms N  the nodes' BlockIntervalMs, the pause after a commit (default 250)
          --max-block-txs N      the nodes' MaxBlockTransactions (default 5000, the node default)
          --validators N         validators in the devnet (default 4)
          --drain N              seconds to wait after the load for the last commits (default 20)
          --verify-seconds N     length of each verify-rate measurement (default 3)
          --base-port N          node i uses N+10i+6 (peers) and N+10i+7 (API); default: a free range
          --cli PATH             the roundtable.dll the nodes run (default: next to this program)
          --keep                 keep the temporary devnet directory (node logs) instead of deleting it
          --header               print the markdown table header before the row
        """;

    public int Seconds { get; private set; } = 60;

    public int WarmupSeconds { get; private set; } = 90;

    public int Rate { get; private set; } = 300;

    public string Workload { get; private set; } = "fresh";

    public int Senders { get; private set; } = 1000;

    public int Concurrency { get; private set; } = 32;

    public int Batch { get; private set; } = 1;

    public ulong BlockIntervalMs { get; private set; } = 250;

    public int MaxBlockTransactions { get; private set; } = 5000;

    public int Validators { get; private set; } = 4;

    public int DrainSeconds { get; private set; } = 20;

    public double VerifySeconds { get; private set; } = 3;

    public int BasePort { get; private set; }

    public string Cli { get; private set; } = Path.Combine(AppContext.BaseDirectory, "roundtable.dll");

    public bool Keep { get; private set; }

    public bool Header { get; private set; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--seconds": o.Seconds = Int(); break;
                case "--warmup": o.WarmupSeconds = Int(); break;
                case "--rate": o.Rate = Int(); break;
                case "--workload": o.Workload = Next(); break;
                case "--senders": o.Senders = Int(); break;
                case "--concurrency": o.Concurrency = Int(); break;
                case "--batch": o.Batch = Int(); break;
                case "--block-interval-ms": o.BlockIntervalMs = (ulong)Int(); break;
                case "--max-block-txs": o.MaxBlockTransactions = Int(); break;
                case "--validators": o.Validators = Int(); break;
                case "--drain": o.DrainSeconds = Int(); break;
                case "--verify-seconds": o.VerifySeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--base-port": o.BasePort = Int(); break;
                case "--cli": o.Cli = Path.GetFullPath(Next()); break;
                case "--keep": o.Keep = true; break;
                case "--header": o.Header = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (o.Seconds < 1 || o.Rate < 1 || o.Concurrency < 1 || o.Validators is < 1 or > 32 || o.MaxBlockTransactions < 1 || o.BlockIntervalMs < 1)
        {
            throw new ArgumentException("--seconds, --rate, --concurrency, --block-interval-ms and --max-block-txs must be positive; --validators 1..32.");
        }

        if (o.Batch is < 1 or > Ledger.Transactions.TransactionBatch.MaxTransactions)
        {
            throw new ArgumentException($"--batch is 1..{Ledger.Transactions.TransactionBatch.MaxTransactions}.");
        }

        if (o.Workload is not ("fresh" or "warm") || o.Senders < o.Validators || o.Senders % o.Validators != 0)
        {
            throw new ArgumentException("--workload is fresh or warm; --senders is a positive multiple of --validators (a sender always uses the same node).");
        }

        return o;
    }
}
